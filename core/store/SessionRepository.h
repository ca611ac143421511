#pragma once

#include "core/auth/Agent.h"
#include "core/auth/AgentSession.h"
#include "core/store/Sql.h"

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::store {

/// Agents' login sessions (agent_sessions), keyed by the SHA-256 of the session token.
class SessionRepository {
public:
    void insert(Sql& sql, const auth::AgentSession& session);
    /// The active agent (widgets loaded) whose unexpired session has this token hash.
    std::optional<auth::Agent> findAgent(Sql& sql, const std::string& tokenHash, std::int64_t nowMs);
    /// Returns whether a session was removed.
    bool remove(Sql& sql, const std::string& tokenHash);
    /// Returns the number of sessions removed.
    std::size_t removeAllOfAgent(Sql& sql, const std::string& agentId);
    std::size_t removeAllOfAgentExcept(Sql& sql, const std::string& agentId, const std::string& keptTokenHash);
    std::size_t removeExpired(Sql& sql, std::int64_t nowMs);
};

} // namespace switchboard::core::store
