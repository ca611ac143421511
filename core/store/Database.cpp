#include "core/store/Database.h"

#include "core/store/Row.h"
#include "core/store/WalFormat.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <filesystem>

using namespace Poco::Data::Keywords;

namespace switchboard::core::store {

namespace {

void registerConnectors() {
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

SessionPool::SessionSetup setupFor(Dialect dialect) {
    if (dialect == Dialect::SQLite) {
        return [](Poco::Data::Session& session) {
            // WAL lets readers run beside the single writer; NORMAL sync is durable across a process crash
            // (the WAL is fsynced at checkpoints), which is the failure the hub must survive.
            session << "PRAGMA journal_mode=WAL", now;
            session << "PRAGMA synchronous=NORMAL", now;
            session << "PRAGMA foreign_keys=ON", now;
            session << "PRAGMA busy_timeout=" + std::to_string(Database::BusyTimeoutMs), now;
            // Checkpoints run on the Database's checkpoint thread, not inside a request's commit.
            session << "PRAGMA wal_autocheckpoint=0", now;
        };
    }
    return [](Poco::Data::Session& session) { session << "SET TIME ZONE 'UTC'", now; };
}

} // namespace

Database::Database(const DatabaseUrl& url, std::size_t poolSize, int poolWaitMs, WalPolicy walPolicy)
    : _url(url),
      _walPolicy(walPolicy),
      _pool((registerConnectors(), url.connectorName()), url.connectorString, poolSize, poolWaitMs,
            setupFor(url.dialect),
            [dialect = url.dialect](Poco::Data::Session& session) {
                return PreparedStatements::forSession(session, dialect);
            }) {
    if (url.dialect == Dialect::SQLite) {
        // SQLite creates the file but not its folder (`var/` on a fresh checkout).
        const auto folder = std::filesystem::path(url.connectorString).parent_path();
        if (!folder.empty()) std::filesystem::create_directories(folder);
        _writeQueue = std::make_unique<GroupCommitQueue>(MaxWriteBatch, [this](const auto& batch) { runBatch(batch); });
        // Left to SQLite, the commit that grows the log past its threshold runs the checkpoint, with its fsync,
        // inside that commit: one request in a thousand would wait for it. Checkpoints run on a thread of their
        // own instead, at background priority: a checkpoint is a burst of copying that would otherwise take a
        // core from the socket loops on a small machine.
        _checkpointer = std::make_unique<common::PeriodicTask>(
            "WAL checkpoint", _walPolicy.checkpointInterval, [this] { checkpoint(); },
            common::PeriodicTask::Priority::Background);
        // At normal priority, unlike the checkpoint: while it reserves, commits that extend the log wait for it.
        _lookAhead = std::make_unique<common::PeriodicTask>("WAL look-ahead", _walPolicy.lookAheadInterval,
                                                            [this] { prepareLogAhead(); });
    }
}

void Database::checkpoint() {
    // PASSIVE copies the log into the database without holding up the writer or the readers. If one fails the
    // log grows until the next succeeds, and nothing committed is at risk.
    const auto frames = read([](Sql& sql) {
        const auto result = sql.run("PRAGMA wal_checkpoint(PASSIVE)");
        return result.rows.empty() ? std::int64_t{0} : Row(result, 0).int64(1);
    });
    // Under a steady stream of writes PASSIVE never catches up with the end of the log (frames keep arriving while
    // it copies), so SQLite never starts the log over and the file grows by every write: 1 GiB in 12 s of
    // bench/socket-run. Past a bound the next write batch starts it over (see runBatch). That holds the writers
    // for the copy of what PASSIVE left, 20-35 ms under that load, so the bound is high: at a steady 2,000
    // messages/s, about once every 12 s; at ordinary loads the log starts over by itself between writes.
    if (frames >= _walPolicy.restartLogAfterFrames) _restartLog.store(true);
}

std::int64_t Database::largestLogBytes() {
    const auto pageSize = read([](Sql& sql) { return Row(sql.run("PRAGMA page_size"), 0).int64(0); });
    // The log passes its bound by what is written before the next write batch starts it over: a quarter more leaves
    // room for that.
    const auto bound = WalFormat::frameOffset(_walPolicy.restartLogAfterFrames, pageSize);
    return bound + bound / 4;
}

void Database::prepareLogAhead() {
    if (dialect() != Dialect::SQLite) return;
    std::lock_guard lock(_lookAheadMutex);
    // Made at the first look rather than in the constructor, which does not touch the database.
    const auto log = _url.connectorString + "-wal";
    if (!_preallocator) _preallocator = std::make_unique<WalPreallocator>(log, largestLogBytes());
    if (!_readahead) _readahead = std::make_unique<WalReadahead>(log);
    _preallocator->reserve();
    _readahead->look();
}

void Database::restartLog(Sql& sql) {
    // RESTART copies the little PASSIVE left and makes the next write start the log from its beginning. It needs
    // the writer's place, which the batch leader holds; readers it waits for only briefly: if one is still busy
    // the log stays as it is, and the next checkpoint asks again. It never fails the batch it runs before.
    try {
        sql.execute("PRAGMA busy_timeout=" + std::to_string(RestartLogWaitMs));
        const auto result = sql.run("PRAGMA wal_checkpoint(RESTART)");
        if (!result.rows.empty() && Row(result, 0).int64(0) == 0) _logRestarts.fetch_add(1);
    } catch (const std::exception& e) {
        Poco::Logger::get("store").warning("could not start the write-ahead log over: %s", std::string(e.what()));
    }
    try {
        sql.execute("PRAGMA busy_timeout=" + std::to_string(BusyTimeoutMs));
    } catch (...) {
        // The session is broken; the batch that follows finds out and the pool drops it.
    }
}

void Database::writeErased(std::function<void(Sql&)> body) {
    GroupCommitQueue::Job job{std::move(body), nullptr, false};
    if (_writeQueue) {
        _writeQueue->submit(job);
    } else {
        // PostgreSQL orders concurrent writers with row locks: every write is a batch of its own.
        runBatch({&job});
    }
    if (job.error) std::rethrow_exception(job.error);
}

void Database::runBatch(const std::vector<GroupCommitQueue::Job*>& batch) {
    auto lease = acquire();
    runGuarded(lease, [&] {
        auto& session = lease.session();
        if (_restartLog.exchange(false)) {
            Sql sql(lease, dialect());
            restartLog(sql);
        }
        // A lone job needs no savepoint: the transaction is its own, and its failure is rethrown as it is.
        const bool savepoints = batch.size() > 1;
        session.begin();
        try {
            Sql sql(lease, dialect());
            for (auto* job : batch) {
                if (savepoints) sql.run("SAVEPOINT queued_write");
                try {
                    job->body(sql);
                    if (savepoints) sql.run("RELEASE queued_write");
                } catch (...) {
                    job->error = std::current_exception();
                    if (!savepoints) throw;
                    sql.run("ROLLBACK TO queued_write");
                    sql.run("RELEASE queued_write");
                }
            }
            session.commit();
        } catch (...) {
            rollbackQuietly(session);
            throw;
        }
    });
}

SessionPool::Lease Database::acquire() {
    try {
        return _pool.acquire();
    } catch (const Poco::Exception& e) {
        throw DatabaseUnavailable(e.displayText());
    }
}

bool Database::ping() {
    try {
        return read([](Sql& sql) {
            int one = 0;
            sql.session() << "SELECT 1", into(one), now;
            return one == 1;
        });
    } catch (...) {
        return false;
    }
}

void Database::rollbackQuietly(Poco::Data::Session& session) {
    try {
        session.rollback();
    } catch (...) {
        // The connection may already be gone; the pool drops it.
    }
}

bool Database::connectionLost(SessionPool::Lease& lease) {
    try {
        return !lease.session().isConnected();
    } catch (...) {
        return true;
    }
}

} // namespace switchboard::core::store
