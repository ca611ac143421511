#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::auth {

/// A signed-in agent's session as stored: only the SHA-256 of the token is kept, so a copy of the database
/// does not let anyone act as an agent.
struct AgentSession {
    std::string tokenHash;
    std::string agentId;
    std::int64_t createdAt = 0;
    std::int64_t expiresAt = 0;
    std::optional<std::string> ip;
    std::optional<std::string> userAgent;
};

} // namespace switchboard::core::auth
