#pragma once

#include "core/store/PreparedStatements.h"

#include <functional>
#include <string>
#include <unordered_map>

struct pg_conn;

namespace switchboard::core::store {

/// Server-side prepared statements on one PostgreSQL connection, named `sb_1`, `sb_2`, ... They live as long as
/// the connection does; a connection that fails is dropped from the pool together with this cache.
class PostgresPreparedStatements final : public PreparedStatements {
public:
    explicit PostgresPreparedStatements(pg_conn* connection);

    QueryResult run(std::string_view sql, std::span<const QueryParam> params) override;

private:
    const std::string& prepared(std::string_view sql, std::size_t paramCount);

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    pg_conn* _connection;
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> _names;
};

} // namespace switchboard::core::store
