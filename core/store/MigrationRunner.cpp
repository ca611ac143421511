#include "core/store/MigrationRunner.h"

#include "core/common/Digest.h"

#include <Poco/Data/Session.h>

#include <algorithm>
#include <map>
#include <regex>
#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace switchboard::core::store {

namespace {

// Any fixed number will do; it only has to be the same on every node.
constexpr long long MigrationLockKey = 0x5357424d; // "SWBM"

} // namespace

MigrationRunner::MigrationRunner(Database& database, std::vector<Migration> migrations)
    : _database(database), _migrations(std::move(migrations)) {}

std::vector<Migration> MigrationRunner::fromFiles(const std::vector<EmbeddedMigrationFile>& files, Dialect dialect) {
    const std::string folder = dialect == Dialect::SQLite ? "sqlite/" : "postgresql/";
    static const std::regex fileName(R"(^(\d{4})_([a-z0-9_]+)\.sql$)");
    std::vector<Migration> result;
    for (const auto& file : files) {
        if (file.path.rfind(folder, 0) != 0) continue;
        const std::string base = file.path.substr(folder.size());
        std::smatch match;
        if (!std::regex_match(base, match, fileName))
            throw std::invalid_argument("migration file name must be NNNN_name.sql: " + file.path);
        result.push_back({std::stoi(match[1].str()), match[2].str(), file.sql, common::Digest::sha256Hex(file.sql)});
    }
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < result.size(); ++i)
        if (result[i].version == result[i - 1].version)
            throw std::invalid_argument("two migrations share version " + std::to_string(result[i].version));
    return result;
}

std::vector<std::string> MigrationRunner::run(std::int64_t nowMs) {
    std::vector<std::string> applied;
    _database.read([&](Sql& sql) {
        const bool postgres = sql.dialect() == Dialect::PostgreSQL;
        if (postgres) sql.session() << "SELECT pg_advisory_lock(" + std::to_string(MigrationLockKey) + ")", now;
        try {
            applyPending(sql, nowMs, applied);
        } catch (...) {
            if (postgres) sql.session() << "SELECT pg_advisory_unlock(" + std::to_string(MigrationLockKey) + ")", now;
            throw;
        }
        if (postgres) sql.session() << "SELECT pg_advisory_unlock(" + std::to_string(MigrationLockKey) + ")", now;
    });
    return applied;
}

void MigrationRunner::applyPending(Sql& sql, std::int64_t nowMs, std::vector<std::string>& applied) {
    sql.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version BIGINT PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)");

    std::vector<Poco::Int64> versions;
    std::vector<std::string> checksums;
    sql.session() << "SELECT version, checksum FROM schema_migrations ORDER BY version", into(versions),
        into(checksums), now;
    std::map<int, std::string> recorded;
    for (std::size_t i = 0; i < versions.size(); ++i) recorded[static_cast<int>(versions[i])] = checksums[i];

    for (const auto& migration : _migrations) {
        if (auto found = recorded.find(migration.version); found != recorded.end()) {
            if (found->second != migration.checksum)
                throw std::runtime_error("migration " + std::to_string(migration.version) + "_" + migration.name +
                                         " was edited after it was applied; add a new migration instead");
            continue;
        }
        auto& session = sql.session();
        session.begin();
        try {
            for (const auto& statement : splitStatements(migration.sql)) sql.execute(statement);
            Poco::Int64 version = migration.version;
            std::string name = migration.name;
            std::string checksum = migration.checksum;
            Poco::Int64 at = nowMs;
            sql.statement("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)"),
                use(version), use(name), use(checksum), use(at), now;
            session.commit();
        } catch (...) {
            session.rollback();
            throw;
        }
        applied.push_back(std::to_string(migration.version) + "_" + migration.name);
    }
}

std::vector<std::string> MigrationRunner::splitStatements(const std::string& script) {
    // Migrations are written one statement per `;` at a line end, with no `;` inside literals, so a plain
    // split suffices; comment-only pieces are skipped.
    std::vector<std::string> statements;
    std::string current;
    std::size_t start = 0;
    while (start < script.size()) {
        std::size_t end = script.find('\n', start);
        if (end == std::string::npos) end = script.size();
        std::string line = script.substr(start, end - start);
        start = end + 1;
        auto firstNonSpace = line.find_first_not_of(" \t\r");
        if (firstNonSpace == std::string::npos || line.compare(firstNonSpace, 2, "--") == 0) continue;
        current += line + "\n";
        auto lastNonSpace = line.find_last_not_of(" \t\r");
        if (line[lastNonSpace] == ';') {
            current.erase(current.find_last_of(';'));
            statements.push_back(current);
            current.clear();
        }
    }
    if (current.find_first_not_of(" \t\r\n") != std::string::npos) statements.push_back(current);
    return statements;
}

} // namespace switchboard::core::store
