#pragma once

#include <string>

namespace switchboard::core::store {

enum class Dialect { SQLite, PostgreSQL };

/// A parsed `--db` / `database.url` value: `sqlite:PATH` or `postgresql://user:pass@host:port/dbname?opt=v`.
struct DatabaseUrl {
    Dialect dialect = Dialect::SQLite;
    /// What POCO's connector takes: the file path for SQLite, a libpq keyword string for PostgreSQL.
    std::string connectorString;
    /// The URL with any password replaced by `***`, safe to log.
    std::string redacted;

    /// Throws std::invalid_argument naming what is wrong.
    static DatabaseUrl parse(const std::string& url);
    std::string connectorName() const { return dialect == Dialect::SQLite ? "sqlite" : "postgresql"; }
};

} // namespace switchboard::core::store
