#pragma once

#include "core/store/PreparedStatements.h"

#include <Poco/Data/Session.h>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace switchboard::core::store {

/// A bounded pool of database sessions that waits for a free session instead of failing at once.
///
/// POCO 1.11's own SessionPool throws as soon as it is exhausted; under a burst of requests that turns into
/// spurious errors, so the hub keeps its own pool: sessions are opened lazily up to `maxSessions`, an acquire
/// waits up to `waitMs` for one to come back, and a session found broken is dropped rather than reused.
class SessionPool {
public:
    using SessionSetup = std::function<void(Poco::Data::Session&)>;
    using StatementsFactory = std::function<std::unique_ptr<PreparedStatements>(Poco::Data::Session&)>;

    /// A pooled session and the statements prepared on it; the statements go first when it closes.
    struct Connection {
        std::unique_ptr<Poco::Data::Session> session;
        std::unique_ptr<PreparedStatements> statements;
    };

    class Lease {
    public:
        Lease(SessionPool& pool, std::unique_ptr<Connection> connection);
        Lease(Lease&& other) noexcept;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;
        ~Lease();

        Poco::Data::Session& session() { return *_connection->session; }
        /// The statement cache of this session's connection, created on first use.
        PreparedStatements& statements();
        /// Closes the session instead of returning it (after a connection error).
        void discard();

    private:
        SessionPool* _pool;
        std::unique_ptr<Connection> _connection;
    };

    SessionPool(std::string connector, std::string connectionString, std::size_t maxSessions, int waitMs,
                SessionSetup setup, StatementsFactory statements);

    /// Throws Poco::Data::SessionPoolExhaustedException after waiting, or the connector's exception when a new
    /// session cannot be opened.
    Lease acquire();

    static constexpr std::size_t ConnectTimeoutS = 5;

private:
    void release(std::unique_ptr<Connection> connection, bool reusable);

    const std::string _connector;
    const std::string _connectionString;
    const std::size_t _maxSessions;
    const int _waitMs;
    const SessionSetup _setup;
    const StatementsFactory _statementsFactory;

    std::mutex _mutex;
    std::condition_variable _returned;
    std::vector<std::unique_ptr<Connection>> _idle;
    std::size_t _open = 0;
};

} // namespace switchboard::core::store
