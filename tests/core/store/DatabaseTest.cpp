#include "core/store/Row.h"
#include "core/store/WalReadahead.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <stdexcept>
#include <sys/stat.h>
#include <utility>

namespace switchboard::core::store {
namespace {

/// A fresh migrated database with a scratch table `sample (id, n, note)`.
class SampleDatabase : public tests::TestDatabase {
public:
    explicit SampleDatabase(WalPolicy walPolicy = {}) : TestDatabase(walPolicy) {
        (*this)->write([](Sql& sql) { sql.run("CREATE TABLE sample (id TEXT PRIMARY KEY, n BIGINT, note TEXT)"); });
    }
};

std::int64_t countRows(Database& database, const std::string& id) {
    return database.read([&](Sql& sql) {
        const auto result = sql.run("SELECT COUNT(*) FROM sample WHERE id = ?", {id});
        return Row(result, 0).int64(0);
    });
}

void insertRow(Sql& sql, const std::string& id) { sql.run("INSERT INTO sample (id) VALUES (?)", {id}); }

TEST(DatabaseTest, WritesQueuedBehindACommitShareItAndAFailureUndoesOnlyItsOwnWork) {
    SampleDatabase database;
    std::promise<void> firstEntered, releaseFirst;
    auto release = releaseFirst.get_future().share();
    auto first = std::async(std::launch::async, [&] {
        database->write([&](Sql& sql) {
            insertRow(sql, "first");
            firstEntered.set_value();
            release.wait();
        });
    });
    firstEntered.get_future().wait();

    // Four writers queue behind the open transaction: the next commit carries all of them.
    std::vector<std::future<void>> writers;
    for (int i = 0; i < 4; ++i) {
        writers.push_back(std::async(std::launch::async, [&database, i] {
            database->write([&](Sql& sql) {
                insertRow(sql, "w" + std::to_string(i));
                if (i % 2) throw std::runtime_error("refused " + std::to_string(i));
            });
        }));
    }
    while (database->queuedWrites() < writers.size()) std::this_thread::yield();
    releaseFirst.set_value();
    first.get();

    for (int i = 0; i < 4; ++i) {
        if (i % 2) {
            EXPECT_THROW(writers[static_cast<std::size_t>(i)].get(), std::runtime_error);
        } else {
            EXPECT_NO_THROW(writers[static_cast<std::size_t>(i)].get());
        }
    }
    EXPECT_EQ(countRows(*database, "first"), 1);
    EXPECT_EQ(countRows(*database, "w0"), 1);
    EXPECT_EQ(countRows(*database, "w1"), 0);
    EXPECT_EQ(countRows(*database, "w2"), 1);
    EXPECT_EQ(countRows(*database, "w3"), 0);
}

TEST(DatabaseTest, AWriteReturnsItsResultAndRollsBackWhenItThrows) {
    SampleDatabase database;
    EXPECT_EQ(database->write([](Sql& sql) {
        insertRow(sql, "kept");
        return 42;
    }),
              42);
    EXPECT_THROW(database->write([](Sql& sql) {
        insertRow(sql, "undone");
        throw std::runtime_error("no");
    }),
                 std::runtime_error);
    EXPECT_EQ(countRows(*database, "kept"), 1);
    EXPECT_EQ(countRows(*database, "undone"), 0);
}

TEST(DatabaseTest, PreparedStatementsBindEveryTypeAndReportChangedRows) {
    SampleDatabase database;
    database->write([](Sql& sql) {
        std::optional<std::string> none;
        EXPECT_EQ(sql.run("INSERT INTO sample (id, n, note) VALUES (?, ?, ?)", {"a", std::int64_t{7}, param(none)})
                      .changed,
                  1u);
        EXPECT_EQ(sql.run("INSERT INTO sample (id, n, note) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                          {"a", std::int64_t{8}, "x"})
                      .changed,
                  0u);
    });
    // The same statement runs again on the same connection with other values, and after an error.
    database->read([](Sql& sql) {
        for (const std::string id : {"a", "missing", "a"}) {
            const auto result = sql.run("SELECT id, n, note FROM sample WHERE id = ?", {id});
            if (id == "missing") {
                EXPECT_TRUE(result.rows.empty());
                continue;
            }
            ASSERT_EQ(result.rows.size(), 1u);
            const Row row(result, 0);
            EXPECT_EQ(row.text(0), "a");
            EXPECT_EQ(row.int64(1), 7);
            EXPECT_EQ(row.optText(2), std::nullopt);
            EXPECT_TRUE(row.isNull(2));
        }
        EXPECT_ANY_THROW(sql.run("SELECT nope FROM sample"));
        EXPECT_EQ(sql.run("SELECT COUNT(*) FROM sample").rows.size(), 1u);
    });
}

/// A bound of 8 frames, which a few writes pass; checkpoints run only when the test calls them, and space for the log
/// is reserved only when a test asks.
constexpr WalPolicy TestWalPolicy{std::chrono::hours(1), 8, std::chrono::hours(1)};

void writeRows(Database& database, const std::string& prefix, int count) {
    for (int i = 0; i < count; ++i) database.write([&](Sql& sql) { insertRow(sql, prefix + std::to_string(i)); });
}

std::int64_t logFrames(Database& database) {
    return database.read([](Sql& sql) { return Row(sql.run("PRAGMA wal_checkpoint(PASSIVE)"), 0).int64(1); });
}

TEST(DatabaseTest, ALongWriteAheadLogIsStartedOverByTheNextWriteBatchAndNothingIsLost) {
    SampleDatabase database(TestWalPolicy);
    writeRows(*database, "before ", 10);
    database->checkpoint();
    EXPECT_EQ(database->logRestarts(), 0u) << "the checkpoint only asks; the next write batch starts the log over";
    writeRows(*database, "after ", 1);
    EXPECT_EQ(database->logRestarts(), 1u);
    // The log holds the last write's few frames, not every write's.
    EXPECT_LT(logFrames(*database), 8);
    EXPECT_EQ(database->read([](Sql& sql) { return Row(sql.run("SELECT COUNT(*) FROM sample"), 0).int64(0); }), 11);
}

TEST(DatabaseTest, AReaderHoldingTheLogBacksTheRestartOffWithoutHoldingUpOrFailingWrites) {
    SampleDatabase database(TestWalPolicy);
    writeRows(*database, "before ", 10);
    std::promise<void> readerIn, releaseReader;
    auto release = releaseReader.get_future().share();
    // A read transaction started while the log holds frames keeps reading them, and so the log, until it ends.
    auto reader = std::async(std::launch::async, [&] {
        database->read([&](Sql& sql) {
            sql.execute("BEGIN");
            sql.run("SELECT COUNT(*) FROM sample");
            readerIn.set_value();
            release.wait();
            sql.execute("COMMIT");
        });
    });
    readerIn.get_future().wait();
    database->checkpoint();
    const auto started = std::chrono::steady_clock::now();
    writeRows(*database, "held ", 1);
    // The restart waited for the reader briefly (not the 5 s busy timeout), gave up, and the write went on.
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
    EXPECT_EQ(database->logRestarts(), 0u);

    releaseReader.set_value();
    reader.get();
    database->checkpoint();
    writeRows(*database, "after ", 1);
    EXPECT_EQ(database->logRestarts(), 1u);
    EXPECT_EQ(database->read([](Sql& sql) { return Row(sql.run("SELECT COUNT(*) FROM sample"), 0).int64(0); }), 12);
}

TEST(DatabaseTest, AGrowingWriteAheadLogGetsDiskSpaceReservedPastItsEnd) {
    SampleDatabase database(WalPolicy{std::chrono::hours(1), 262'144, std::chrono::hours(1)});
    const auto log = database.path().string() + "-wal";
    const auto space = [&] {
        struct stat status {};
        EXPECT_EQ(::stat(log.c_str(), &status), 0);
        return std::pair<std::int64_t, std::int64_t>(status.st_size, static_cast<std::int64_t>(status.st_blocks) * 512);
    };
    writeRows(*database, "first ", 10);
    database->prepareLogAhead(); // the first look only notes the log's size
    writeRows(*database, "then ", 50);
    database->prepareLogAhead();
    const auto [size, reserved] = space();
    EXPECT_GE(reserved, size + 1024 * 1024) << "a whole MiB at least, past the log's end";

    // SQLite sees the log's own size: it writes on from there, and everything reads back.
    writeRows(*database, "after ", 5);
    EXPECT_GT(space().first, size);
    EXPECT_EQ(database->read([](Sql& sql) { return Row(sql.run("SELECT COUNT(*) FROM sample"), 0).int64(0); }), 65);
}

TEST(DatabaseTest, InALogStartedOverTheWritersPlaceIsFoundFromTheLogItself) {
    SampleDatabase database(TestWalPolicy);
    writeRows(*database, "before ", 10);
    database->checkpoint();
    writeRows(*database, "after ", 3); // the first of these starts the log over
    ASSERT_EQ(database->logRestarts(), 1u);

    const auto log = database.path().string() + "-wal";
    const auto position = WalReadahead(log).look();
    ASSERT_TRUE(position);
    // SQLite's own count of the frames in the log, a page and a 24-byte header each, behind the 32-byte log header.
    const auto pageSize = database->read([](Sql& sql) { return Row(sql.run("PRAGMA page_size"), 0).int64(0); });
    EXPECT_EQ(*position, 32 + logFrames(*database) * (24 + pageSize));
    EXPECT_LT(*position, static_cast<std::int64_t>(std::filesystem::file_size(log))) << "the older frames are still there";
}

TEST(DatabaseTest, RowsReadTextAsNumbersTheWayPostgreSQLSendsThem) {
    QueryResult result;
    result.rows.push_back({Cell{std::string("42")}, Cell{std::string("t")}, Cell{std::string("2.5")}, Cell{}});
    const Row row(result, 0);
    EXPECT_EQ(row.int64(0), 42);
    EXPECT_EQ(row.text(0), "42");
    EXPECT_TRUE(row.boolean(1));
    EXPECT_DOUBLE_EQ(row.real(2), 2.5);
    EXPECT_EQ(row.optInt64(3), std::nullopt);
}

} // namespace
} // namespace switchboard::core::store
