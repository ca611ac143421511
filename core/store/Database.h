#pragma once

#include "core/store/DatabaseUrl.h"
#include "core/store/SessionPool.h"
#include "core/store/Sql.h"

#include <mutex>
#include <type_traits>

namespace switchboard::core::store {

/// Thrown when the database cannot be reached (no connection, pool exhausted): the HTTP edge answers 503.
class DatabaseUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The hub's one way into the database: pooled sessions, dialect-aware SQL, and transactions.
///
/// SQLite runs in WAL mode with one writer: write transactions are serialised here, in process, so that
/// they never spin on SQLite's busy lock, while reads run concurrently on other sessions. PostgreSQL writes
/// run concurrently; row locks order them.
class Database {
public:
    Database(const DatabaseUrl& url, std::size_t poolSize, int poolWaitMs);

    Dialect dialect() const { return _url.dialect; }
    const DatabaseUrl& url() const { return _url; }

    /// Runs `fn(Sql&)` on a pooled session outside any explicit transaction.
    template <class Fn>
    auto read(Fn&& fn) -> std::invoke_result_t<Fn, Sql&> {
        auto lease = acquire();
        return runGuarded(lease, [&] {
            Sql sql(lease.session(), dialect());
            return fn(sql);
        });
    }

    /// Runs `fn(Sql&)` in one transaction: committed when it returns, rolled back when it throws.
    template <class Fn>
    auto write(Fn&& fn) -> std::invoke_result_t<Fn, Sql&> {
        std::unique_lock<std::mutex> writer(_writerMutex, std::defer_lock);
        if (dialect() == Dialect::SQLite) writer.lock();
        auto lease = acquire();
        return runGuarded(lease, [&] {
            auto& session = lease.session();
            session.begin();
            try {
                Sql sql(session, dialect());
                if constexpr (std::is_void_v<std::invoke_result_t<Fn, Sql&>>) {
                    fn(sql);
                    session.commit();
                } else {
                    auto result = fn(sql);
                    session.commit();
                    return result;
                }
            } catch (...) {
                rollbackQuietly(session);
                throw;
            }
        });
    }

    /// True when a trivial query succeeds.
    bool ping();

private:
    SessionPool::Lease acquire();
    static void rollbackQuietly(Poco::Data::Session& session);
    /// Drops the session from the pool when a call fails because the connection itself is gone.
    static bool connectionLost(SessionPool::Lease& lease);

    template <class Body>
    auto runGuarded(SessionPool::Lease& lease, Body&& body) -> std::invoke_result_t<Body> {
        try {
            return body();
        } catch (...) {
            if (connectionLost(lease)) {
                lease.discard();
                throw DatabaseUnavailable("the database connection was lost");
            }
            throw;
        }
    }

    DatabaseUrl _url;
    SessionPool _pool;
    std::mutex _writerMutex;
};

} // namespace switchboard::core::store
