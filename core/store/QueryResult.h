#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace switchboard::core::store {

/// One value bound to a `?` placeholder. Text is a view: the caller keeps it alive for the call.
using QueryParam = std::variant<std::monostate, std::int64_t, std::string_view>;

inline QueryParam param(const std::optional<std::string>& value) {
    return value ? QueryParam(std::string_view(*value)) : QueryParam();
}

inline QueryParam param(const std::optional<std::int64_t>& value) {
    return value ? QueryParam(*value) : QueryParam();
}

/// One value read from a row: NULL, an integer, a real or text (PostgreSQL hands every value over as text).
using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;

/// The rows a prepared statement returned, and how many rows it changed.
struct QueryResult {
    std::vector<std::vector<Cell>> rows;
    std::size_t changed = 0;
};

} // namespace switchboard::core::store
