#pragma once

#include "core/events/Event.h"

#include <optional>
#include <string>

namespace switchboard::core::events {

/// An agent's sessions were revoked, or what the agent may see or do changed: a logout, a password change, the
/// agent deactivated, or its role, widgets or name changed (a socket carries the name into typing and messages).
/// The real-time endpoint closes the sockets it names; those whose session still stands reconnect and sign in with
/// what the agent may see now, the others are refused.
///
/// It travels on the event bus like the conversation events, but names no rooms: it never reaches a socket as an
/// event.
struct AgentAccessChange {
    static constexpr const char* EventName = "agent:access_changed";

    enum class Sessions {
        /// Every session of the agent.
        All,
        /// Only the session `sessionHash` (a logout).
        One,
        /// Every session of the agent but `sessionHash` (the one that changed its own password keeps going).
        AllBut,
    };

    /// Empty for Sessions::One, where the session alone says whose it is.
    std::string agentId;
    Sessions sessions = Sessions::All;
    /// SHA-256 of the session token (auth::Caller::sessionTokenHash).
    std::string sessionHash;

    static AgentAccessChange allSessionsOf(std::string agentId) { return {std::move(agentId), Sessions::All, ""}; }
    static AgentAccessChange session(std::string sessionHash) { return {"", Sessions::One, std::move(sessionHash)}; }
    static AgentAccessChange allSessionsBut(std::string agentId, std::string sessionHash) {
        return {std::move(agentId), Sessions::AllBut, std::move(sessionHash)};
    }

    /// Whether a socket signed in by `socketAgentId` with session `socketSessionHash` must go.
    bool affects(const std::string& socketAgentId, const std::string& socketSessionHash) const;

    Event event() const;
    /// The change an event carries, or nullopt for any other event.
    static std::optional<AgentAccessChange> of(const Event& event);
};

} // namespace switchboard::core::events
