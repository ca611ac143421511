#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::conversation {

struct Visitor {
    std::string id;
    std::string widgetId;
    std::optional<std::string> name;
    std::optional<std::string> email;
    std::optional<std::string> phone;
    /// JSON object of the widget's custom pre-chat fields, stored verbatim.
    std::string customFieldsJson = "{}";
    std::optional<std::string> currentUrl;
    std::optional<std::string> referrer;
    std::optional<std::string> userAgent;
    std::optional<std::string> ip;
    std::int64_t firstSeenAt = 0;
    std::int64_t lastSeenAt = 0;
};

} // namespace switchboard::core::conversation
