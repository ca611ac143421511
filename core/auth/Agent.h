#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace switchboard::core::auth {

struct Agent {
    std::string id;
    std::string email;
    std::string displayName;
    std::string passwordHash;
    std::string role = "agent"; // admin, agent
    std::string status = "offline"; // online, away, busy, offline
    std::int64_t maxConcurrentChats = 5;
    bool active = true;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    /// Widgets this agent serves.
    std::vector<std::string> widgets;

    bool isAdmin() const { return role == "admin"; }
    /// Admins serve every widget; agents only those they are assigned to.
    bool serves(const std::string& widgetId) const {
        return isAdmin() || std::find(widgets.begin(), widgets.end(), widgetId) != widgets.end();
    }
};

} // namespace switchboard::core::auth
