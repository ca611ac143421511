#pragma once

#include "core/auth/Agent.h"

#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::auth {

/// The agent behind an authenticated request or socket.
struct Caller {
    Agent agent;
    /// SHA-256 of the session token that authenticated this call (to revoke it on logout).
    std::string sessionTokenHash;

    bool canSee(const std::string& widgetId) const { return agent.serves(widgetId); }
    /// The widgets a listing is limited to; nullopt means all (admins).
    std::optional<std::vector<std::string>> visibleWidgets() const {
        if (agent.isAdmin()) return std::nullopt;
        return agent.widgets;
    }
};

} // namespace switchboard::core::auth
