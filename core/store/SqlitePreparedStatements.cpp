#include "core/store/SqlitePreparedStatements.h"

#include <Poco/Data/SQLite/Utility.h>

#include <sqlite3.h>

namespace switchboard::core::store {

namespace {

/// Leaves the statement ready for its next use whatever happens: reset (which also ends its read of the
/// database) and unbound, so no view of a caller's text outlives the call.
class ResetOnExit {
public:
    explicit ResetOnExit(sqlite3_stmt* statement) : _statement(statement) {}
    ~ResetOnExit() {
        sqlite3_reset(_statement);
        sqlite3_clear_bindings(_statement);
    }
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    sqlite3_stmt* _statement;
};

Cell columnValue(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_NULL:
        return {};
    case SQLITE_INTEGER:
        return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(statement, column);
    default: {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
        return std::string(bytes ? bytes : "", static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
    }
    }
}

} // namespace

SqlitePreparedStatements::SqlitePreparedStatements(sqlite3* db) : _db(db) {}

SqlitePreparedStatements::~SqlitePreparedStatements() {
    for (auto& [sql, statement] : _statements) sqlite3_finalize(statement);
}

sqlite3_stmt* SqlitePreparedStatements::prepared(std::string_view sql) {
    if (auto found = _statements.find(sql); found != _statements.end()) return found->second;
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v3(_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &statement, nullptr);
    if (rc != SQLITE_OK) Poco::Data::SQLite::Utility::throwException(_db, rc, std::string(sql));
    _statements.emplace(std::string(sql), statement);
    return statement;
}

QueryResult SqlitePreparedStatements::run(std::string_view sql, std::span<const QueryParam> params) {
    auto* statement = prepared(sql);
    ResetOnExit reset(statement);
    int index = 0;
    for (const auto& value : params) {
        ++index;
        int rc = SQLITE_OK;
        if (const auto* number = std::get_if<std::int64_t>(&value)) {
            rc = sqlite3_bind_int64(statement, index, *number);
        } else if (const auto* text = std::get_if<std::string_view>(&value)) {
            rc = sqlite3_bind_text64(statement, index, text->data(), text->size(), SQLITE_STATIC, SQLITE_UTF8);
        } else {
            rc = sqlite3_bind_null(statement, index);
        }
        if (rc != SQLITE_OK) Poco::Data::SQLite::Utility::throwException(_db, rc, std::string(sql));
    }
    QueryResult result;
    const int columns = sqlite3_column_count(statement);
    for (;;) {
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) Poco::Data::SQLite::Utility::throwException(_db, rc, std::string(sql));
        auto& row = result.rows.emplace_back();
        row.reserve(static_cast<std::size_t>(columns));
        for (int column = 0; column < columns; ++column) row.push_back(columnValue(statement, column));
    }
    if (!sqlite3_stmt_readonly(statement)) result.changed = static_cast<std::size_t>(sqlite3_changes(_db));
    return result;
}

} // namespace switchboard::core::store
