#include "core/store/Database.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Exception.h>

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
            session << "PRAGMA busy_timeout=5000", now;
            // Checkpoints run on the Database's checkpoint thread, not inside a request's commit.
            session << "PRAGMA wal_autocheckpoint=0", now;
        };
    }
    return [](Poco::Data::Session& session) { session << "SET TIME ZONE 'UTC'", now; };
}

} // namespace

Database::Database(const DatabaseUrl& url, std::size_t poolSize, int poolWaitMs)
    : _url(url), _pool((registerConnectors(), url.connectorName()), url.connectorString, poolSize, poolWaitMs,
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
        // inside that commit: one request in a thousand would wait for it. PASSIVE never blocks the writer or
        // the readers; if one fails the log grows until the next succeeds, and nothing committed is at risk.
        // A checkpoint is a burst of copying that would take a core from the socket loops on a small machine
        // (p99 message latency 5-8 ms instead of 3 in bench/socket-run), so it runs at background priority.
        _checkpointer = std::make_unique<common::PeriodicTask>(
            "WAL checkpoint", CheckpointInterval,
            [this] { read([](Sql& sql) { sql.execute("PRAGMA wal_checkpoint(PASSIVE)"); }); },
            common::PeriodicTask::Priority::Background);
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
