#pragma once

#include "core/store/Database.h"
#include "core/store/EmbeddedMigrations.h"

#include <cstdint>
#include <string>
#include <vector>

namespace switchboard::core::store {

struct Migration {
    int version = 0;
    std::string name;
    std::string sql;
    std::string checksum; // SHA-256 of the SQL text
};

/// Applies the numbered migrations of the database's dialect that are not yet recorded in
/// `schema_migrations`, each in its own transaction, in order. A released migration is never edited: a
/// recorded checksum that no longer matches stops the hub. On PostgreSQL an advisory lock keeps two nodes
/// that start together from migrating at once.
class MigrationRunner {
public:
    MigrationRunner(Database& database, std::vector<Migration> migrations);

    /// The migrations of `dialect` among the embedded files, sorted by version. Throws on a malformed name or
    /// a duplicate version.
    static std::vector<Migration> fromFiles(const std::vector<EmbeddedMigrationFile>& files, Dialect dialect);

    /// Returns the names of the migrations it applied (empty when the schema was current).
    std::vector<std::string> run(std::int64_t nowMs);

private:
    void applyPending(Sql& sql, std::int64_t nowMs, std::vector<std::string>& applied);
    static std::vector<std::string> splitStatements(const std::string& script);

    Database& _database;
    std::vector<Migration> _migrations;
};

} // namespace switchboard::core::store
