#pragma once

#include "core/http/HttpRequest.h"

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::http {

/// Typed query-string access; a malformed value is a 400 `invalid_field` naming the parameter.
class QueryParams {
public:
    /// nullopt when absent; an integer below `minimum` is a 400.
    static std::optional<std::int64_t> optInteger(const HttpRequest& request, const std::string& name,
                                                  std::int64_t minimum = 0);
    /// `limit`: absent → `fallback`; otherwise 1..max, else 400.
    static std::size_t limit(const HttpRequest& request, std::size_t fallback, std::size_t max);
    static std::string require(const HttpRequest& request, const std::string& name);
    /// nullopt when absent or empty.
    static std::optional<std::string> optText(const HttpRequest& request, const std::string& name);
};

} // namespace switchboard::core::http
