#include "core/store/Sql.h"

using namespace Poco::Data::Keywords;

namespace switchboard::core::store {

Poco::Data::Statement Sql::statement(std::string_view sql) {
    Poco::Data::Statement statement(_session);
    statement << translate(sql, _dialect);
    return statement;
}

QueryResult Sql::run(std::string_view sql, std::initializer_list<QueryParam> params) {
    return _lease.statements().run(sql, std::span<const QueryParam>(params.begin(), params.size()));
}

void Sql::execute(std::string_view sql) {
    _session << translate(sql, _dialect), now;
}

std::string Sql::translate(std::string_view sql, Dialect dialect) {
    if (dialect == Dialect::SQLite) return std::string(sql);
    std::string out;
    out.reserve(sql.size() + 16);
    int index = 0;
    char quote = 0;
    for (char c : sql) {
        if (quote) {
            if (c == quote) quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            out += '$' + std::to_string(++index);
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace switchboard::core::store
