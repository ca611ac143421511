#include "core/store/SessionPool.h"

#include <Poco/Data/DataException.h>

#include <chrono>

namespace switchboard::core::store {

SessionPool::Lease::Lease(SessionPool& pool, std::unique_ptr<Connection> connection)
    : _pool(&pool), _connection(std::move(connection)) {}

SessionPool::Lease::Lease(Lease&& other) noexcept : _pool(other._pool), _connection(std::move(other._connection)) {}

SessionPool::Lease::~Lease() {
    if (_connection) _pool->release(std::move(_connection), true);
}

PreparedStatements& SessionPool::Lease::statements() {
    if (!_connection->statements) _connection->statements = _pool->_statementsFactory(*_connection->session);
    return *_connection->statements;
}

void SessionPool::Lease::discard() {
    if (_connection) _pool->release(std::move(_connection), false);
}

SessionPool::SessionPool(std::string connector, std::string connectionString, std::size_t maxSessions, int waitMs,
                         SessionSetup setup, StatementsFactory statements)
    : _connector(std::move(connector)),
      _connectionString(std::move(connectionString)),
      _maxSessions(maxSessions == 0 ? 1 : maxSessions),
      _waitMs(waitMs),
      _setup(std::move(setup)),
      _statementsFactory(std::move(statements)) {}

SessionPool::Lease SessionPool::acquire() {
    std::unique_lock lock(_mutex);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(_waitMs);
    while (_idle.empty() && _open >= _maxSessions) {
        if (_returned.wait_until(lock, deadline) == std::cv_status::timeout && _idle.empty() && _open >= _maxSessions)
            throw Poco::Data::SessionPoolExhaustedException("no database session became free in time");
    }
    if (!_idle.empty()) {
        auto connection = std::move(_idle.back());
        _idle.pop_back();
        return Lease(*this, std::move(connection));
    }
    ++_open; // reserve the slot, then connect without holding the lock
    lock.unlock();
    try {
        // POCO's default login timeout is a minute of silent retries; fail sooner and let the caller retry.
        auto session = std::make_unique<Poco::Data::Session>(_connector, _connectionString, ConnectTimeoutS);
        if (_setup) _setup(*session);
        return Lease(*this, std::make_unique<Connection>(Connection{std::move(session), nullptr}));
    } catch (...) {
        lock.lock();
        --_open;
        _returned.notify_one();
        throw;
    }
}

void SessionPool::release(std::unique_ptr<Connection> connection, bool reusable) {
    auto& session = connection->session;
    bool keep = reusable;
    if (keep) {
        try {
            keep = session->isConnected();
            if (keep && session->isTransaction()) session->rollback();
        } catch (...) {
            keep = false;
        }
    }
    std::lock_guard lock(_mutex);
    if (keep) {
        _idle.push_back(std::move(connection));
    } else {
        --_open;
        try {
            connection->statements.reset();
            session->close();
        } catch (...) {
            // A broken connection may fail to close cleanly; it is dropped either way.
        }
    }
    _returned.notify_one();
}

} // namespace switchboard::core::store
