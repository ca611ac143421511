#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::conversation {

/// A saved reply an agent inserts by its shortcut (`/hello`). Personal ones belong to one agent; shared ones
/// are managed by admins and offered to everyone who serves their widget (or every widget when it is null).
struct CannedResponse {
    std::string id;
    std::string title;
    std::string shortcut;
    std::string content;
    std::optional<std::string> widgetId;
    std::string scope = "personal"; // personal, shared
    std::optional<std::string> ownerAgentId;
    std::int64_t usageCount = 0;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;

    bool isShared() const { return scope == "shared"; }
};

} // namespace switchboard::core::conversation
