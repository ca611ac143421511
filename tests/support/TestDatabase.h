#pragma once

#include "core/store/Database.h"
#include "core/store/MigrationRunner.h"

#include <filesystem>
#include <memory>
#include <random>
#include <string>

namespace switchboard::tests {

/// A fresh, migrated SQLite database in a temporary file, removed afterwards.
class TestDatabase {
public:
    explicit TestDatabase(core::store::WalPolicy walPolicy = {}) {
        std::random_device random;
        _path = std::filesystem::temp_directory_path() / ("switchboard-test-" + std::to_string(random()) + ".db");
        _database = std::make_unique<core::store::Database>(core::store::DatabaseUrl::parse("sqlite:" + _path.string()),
                                                            4, 2000, walPolicy);
        core::store::MigrationRunner(*_database, core::store::MigrationRunner::fromFiles(
                                                     core::store::embeddedMigrationFiles(), _database->dialect()))
            .run(0);
    }
    ~TestDatabase() {
        _database.reset();
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(_path.string() + suffix);
    }
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    core::store::Database& operator*() { return *_database; }
    core::store::Database* operator->() { return _database.get(); }
    /// The database file; SQLite keeps its write-ahead log beside it, with "-wal" appended.
    const std::filesystem::path& path() const { return _path; }

private:
    std::filesystem::path _path;
    std::unique_ptr<core::store::Database> _database;
};

} // namespace switchboard::tests
