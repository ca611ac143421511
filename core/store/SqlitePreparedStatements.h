#pragma once

#include "core/store/PreparedStatements.h"

#include <functional>
#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace switchboard::core::store {

/// Prepared statements on one SQLite connection, finalised before the connection closes.
class SqlitePreparedStatements final : public PreparedStatements {
public:
    explicit SqlitePreparedStatements(sqlite3* db);
    ~SqlitePreparedStatements() override;
    SqlitePreparedStatements(const SqlitePreparedStatements&) = delete;
    SqlitePreparedStatements& operator=(const SqlitePreparedStatements&) = delete;

    QueryResult run(std::string_view sql, std::span<const QueryParam> params) override;

private:
    sqlite3_stmt* prepared(std::string_view sql);

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    sqlite3* _db;
    std::unordered_map<std::string, sqlite3_stmt*, Hash, std::equal_to<>> _statements;
};

} // namespace switchboard::core::store
