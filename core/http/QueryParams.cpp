#include "core/http/QueryParams.h"

#include "core/common/ApiError.h"

#include <charconv>

namespace switchboard::core::http {

std::optional<std::int64_t> QueryParams::optInteger(const HttpRequest& request, const std::string& name,
                                                    std::int64_t minimum) {
    auto text = optText(request, name);
    if (!text) return std::nullopt;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || value < minimum)
        throw common::ApiError::badRequest(
            "invalid_field", "'" + name + "' must be an integer of at least " + std::to_string(minimum), name);
    return value;
}

std::size_t QueryParams::limit(const HttpRequest& request, std::size_t fallback, std::size_t max) {
    const auto value = optInteger(request, "limit");
    if (!value) return fallback;
    if (*value < 1 || static_cast<std::size_t>(*value) > max)
        throw common::ApiError::badRequest("invalid_field", "limit must be from 1 to " + std::to_string(max), "limit");
    return static_cast<std::size_t>(*value);
}

std::string QueryParams::require(const HttpRequest& request, const std::string& name) {
    auto text = optText(request, name);
    if (!text) throw common::ApiError::badRequest("missing_field", "'" + name + "' is required", name);
    return *text;
}

std::optional<std::string> QueryParams::optText(const HttpRequest& request, const std::string& name) {
    auto value = request.queryParam(name);
    if (!value || value->empty()) return std::nullopt;
    return value;
}

} // namespace switchboard::core::http
