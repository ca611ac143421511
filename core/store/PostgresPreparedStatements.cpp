#include "core/store/PostgresPreparedStatements.h"

#include "core/store/Sql.h"

#include <Poco/Data/PostgreSQL/PostgreSQLException.h>

#include <libpq-fe.h>

#include <charconv>
#include <memory>

namespace switchboard::core::store {

namespace {

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

/// A failed call: a lost connection is reported as such, so the pool drops the connection.
[[noreturn]] void fail(pg_conn* connection, const PGresult* result, std::string_view sql) {
    std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection);
    message += " [" + std::string(sql) + "]";
    if (PQstatus(connection) != CONNECTION_OK) throw Poco::Data::PostgreSQL::ConnectionException(message);
    throw Poco::Data::PostgreSQL::StatementException(message);
}

} // namespace

PostgresPreparedStatements::PostgresPreparedStatements(pg_conn* connection) : _connection(connection) {}

const std::string& PostgresPreparedStatements::prepared(std::string_view sql, std::size_t paramCount) {
    if (auto found = _names.find(sql); found != _names.end()) return found->second;
    auto name = "sb_" + std::to_string(_names.size() + 1);
    const auto translated = Sql::translate(sql, Dialect::PostgreSQL);
    // Parameter types are left to the server, which infers them from the statement.
    ResultPtr result(PQprepare(_connection, name.c_str(), translated.c_str(), static_cast<int>(paramCount), nullptr),
                     &PQclear);
    if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) fail(_connection, result.get(), sql);
    return _names.emplace(std::string(sql), std::move(name)).first->second;
}

QueryResult PostgresPreparedStatements::run(std::string_view sql, std::span<const QueryParam> params) {
    const auto& name = prepared(sql, params.size());
    // Text-format parameters must be NUL-terminated, so each is copied once.
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
            texts[i] = std::to_string(*number);
        } else if (const auto* text = std::get_if<std::string_view>(&params[i])) {
            texts[i] = std::string(*text);
        } else {
            continue;
        }
        values[i] = texts[i].c_str();
    }
    ResultPtr result(PQexecPrepared(_connection, name.c_str(), static_cast<int>(params.size()), values.data(),
                                    nullptr, nullptr, 0),
                     &PQclear);
    const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(_connection, result.get(), sql);

    QueryResult out;
    const int rows = PQntuples(result.get()), columns = PQnfields(result.get());
    out.rows.reserve(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
        auto& row = out.rows.emplace_back();
        row.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result.get(), r, c)) {
                row.emplace_back();
            } else {
                row.emplace_back(std::string(PQgetvalue(result.get(), r, c),
                                             static_cast<std::size_t>(PQgetlength(result.get(), r, c))));
            }
        }
    }
    const char* changed = PQcmdTuples(result.get());
    std::from_chars(changed, changed + std::char_traits<char>::length(changed), out.changed);
    return out;
}

} // namespace switchboard::core::store
