#pragma once

#include "core/store/DatabaseUrl.h"
#include "core/store/GroupCommitQueue.h"
#include "core/store/SessionPool.h"
#include "core/common/PeriodicTask.h"
#include "core/store/Sql.h"
#include "core/store/WalPreallocator.h"
#include "core/store/WalReadahead.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>

namespace switchboard::core::store {

/// Thrown when the database cannot be reached (no connection, pool exhausted): the HTTP edge answers 503.
class DatabaseUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// When SQLite's write-ahead log is copied into the database file, and when it is started over.
struct WalPolicy {
    std::chrono::milliseconds checkpointInterval{500};
    /// A log this long (1 GiB of 4 KiB pages) is started over by the next write batch (see Database::checkpoint).
    std::int64_t restartLogAfterFrames = 262'144;
    /// How often the disk is made ready ahead of the log's writer (see Database::prepareLogAhead).
    std::chrono::milliseconds lookAheadInterval{100};
};

/// The hub's one way into the database: pooled sessions, dialect-aware SQL, and transactions.
///
/// SQLite runs in WAL mode with one writer: write transactions are serialised here, in process, so that
/// they never spin on SQLite's busy lock, while reads run concurrently on other sessions. Writers that queue
/// up behind a commit share the next one (GroupCommitQueue), each in its own savepoint, so one caller's
/// failure never undoes another's work. PostgreSQL writes run concurrently; row locks order them.
class Database {
public:
    Database(const DatabaseUrl& url, std::size_t poolSize, int poolWaitMs, WalPolicy walPolicy = {});

    /// How long an SQLite session waits on a lock held by another (SQLite's busy_timeout).
    static constexpr int BusyTimeoutMs = 5000;

    Dialect dialect() const { return _url.dialect; }
    const DatabaseUrl& url() const { return _url; }

    /// Runs `fn(Sql&)` on a pooled session outside any explicit transaction.
    template <class Fn>
    auto read(Fn&& fn) -> std::invoke_result_t<Fn, Sql&> {
        auto lease = acquire();
        return runGuarded(lease, [&] {
            Sql sql(lease, dialect());
            return fn(sql);
        });
    }

    /// Runs `fn(Sql&)` in one transaction: committed when it returns, rolled back when it throws. On SQLite
    /// the transaction may be shared with other callers' (see GroupCommitQueue); `fn` sees only its own work.
    template <class Fn>
    auto write(Fn&& fn) -> std::invoke_result_t<Fn, Sql&> {
        using Result = std::invoke_result_t<Fn, Sql&>;
        if constexpr (std::is_void_v<Result>) {
            writeErased([&](Sql& sql) { fn(sql); });
        } else {
            std::optional<Result> result;
            writeErased([&](Sql& sql) { result.emplace(fn(sql)); });
            return std::move(*result);
        }
    }

    /// Copies the WAL into the database file and, once the log has grown long, asks the next write batch to start
    /// it over (SQLite only). The checkpoint thread calls it every `WalPolicy::checkpointInterval`; tests call it
    /// directly.
    void checkpoint();

    /// Makes the disk ready ahead of SQLite's writer in the write-ahead log: space reserved while the log grows
    /// (WalPreallocator), its pages read back once it is written again from its start (WalReadahead). SQLite only. A
    /// thread of its own calls it every `WalPolicy::lookAheadInterval`; tests call it directly.
    void prepareLogAhead();

    /// How often the write-ahead log was started over after it grew past its bound (SQLite only; for tests).
    std::size_t logRestarts() const { return _logRestarts.load(); }

    /// SQLite writes waiting for the next shared commit (0 on PostgreSQL).
    std::size_t queuedWrites() { return _writeQueue ? _writeQueue->waiting() : 0; }

    /// True when a trivial query succeeds.
    bool ping();

private:
    /// Bounds one shared transaction, and with it the wait of the batch's last caller.
    static constexpr std::size_t MaxWriteBatch = 64;
    /// How long starting the log over waits for readers before it gives up until the next checkpoint.
    static constexpr int RestartLogWaitMs = 20;

    SessionPool::Lease acquire();
    /// One transaction for `body`: shared through the queue on SQLite, its own on PostgreSQL.
    void writeErased(std::function<void(Sql&)> body);
    void restartLog(Sql& sql);
    /// The largest the write-ahead log gets under `_walPolicy`, in bytes.
    std::int64_t largestLogBytes();
    /// One transaction for a batch of writes; each in a savepoint when there are several.
    void runBatch(const std::vector<GroupCommitQueue::Job*>& batch);
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
    const WalPolicy _walPolicy;
    SessionPool _pool;
    std::unique_ptr<GroupCommitQueue> _writeQueue;   // SQLite only
    std::atomic<bool> _restartLog{false};
    std::atomic<std::size_t> _logRestarts{0};
    std::mutex _lookAheadMutex;                    // its thread and tests may both call prepareLogAhead
    std::unique_ptr<WalPreallocator> _preallocator; // SQLite only, made by the first prepareLogAhead
    std::unique_ptr<WalReadahead> _readahead;       // SQLite only, made by the first prepareLogAhead
    // SQLite only; declared last, so they stop first.
    std::unique_ptr<common::PeriodicTask> _lookAhead;
    std::unique_ptr<common::PeriodicTask> _checkpointer;
};

} // namespace switchboard::core::store
