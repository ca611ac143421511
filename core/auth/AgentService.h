#pragma once

#include "core/auth/Agent.h"
#include "core/auth/Caller.h"
#include "core/auth/PasswordHasher.h"
#include "core/common/Clock.h"
#include "core/events/AgentAccessChange.h"
#include "core/events/EventBus.h"
#include "core/store/AgentRepository.h"
#include "core/store/Database.h"
#include "core/store/SessionRepository.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::auth {

/// The team: who the agents are, what they may do and which widgets they serve. Changes are for admins.
class AgentService {
public:
    using WidgetExists = std::function<bool(const std::string& widgetId)>;

    struct NewAgent {
        std::string email;
        std::string displayName;
        std::string password;
        std::string role = "agent";
        std::vector<std::string> widgets;
        std::int64_t maxConcurrentChats = 5;
    };

    /// A partial update: only the fields that are set change.
    struct AgentChanges {
        std::optional<std::string> email;
        std::optional<std::string> displayName;
        std::optional<std::string> password;
        std::optional<std::string> role;
        std::optional<std::vector<std::string>> widgets;
        std::optional<std::int64_t> maxConcurrentChats;
        std::optional<bool> active;
    };

    AgentService(store::Database& database, const PasswordHasher& hasher, const common::Clock& clock,
                 WidgetExists widgetExists, events::EventBus& bus);

    /// Throws 403 `forbidden` unless the caller is an admin.
    static void requireAdmin(const Caller& caller);

    /// Admins see every agent; an agent sees the active agents who share a widget with them (admins serve all).
    std::vector<Agent> list(const Caller& caller);
    Agent get(const Caller& caller, const std::string& id);
    /// Throws 409 `conflict` for a taken email, 422 `invalid_email` / `validation_failed` for bad input.
    Agent create(const Caller& caller, const NewAgent& agent);
    /// A new password or deactivation revokes the agent's sessions (except the caller's own). The agent's sockets
    /// are closed when its sessions are revoked or its role, widgets or name change (see events::AgentAccessChange).
    Agent update(const Caller& caller, const std::string& id, const AgentChanges& changes);
    void deactivate(const Caller& caller, const std::string& id);

    /// When there is no agent at all, creates an admin (who serves every widget by role); returns whether it did.
    /// Throws ApiError when the email or password is not acceptable.
    bool ensureFirstAdmin(const std::string& email, const std::string& password);
    /// An admin for the operator (`switchboard create-admin`), whoever else is on the team. Throws 409 `conflict`
    /// for a taken email, and ApiError when the email or password is not acceptable.
    Agent createAdmin(const std::string& email, const std::string& password);
    /// Whether the team has an active admin.
    bool hasActiveAdmin();

private:
    std::string checkEmail(const std::string& email) const;
    /// An admin (who serves every widget by role) with these credentials, checked and hashed; not stored yet.
    Agent newAdmin(const std::string& email, const std::string& password) const;
    std::vector<std::string> checkWidgets(const std::vector<std::string>& widgets) const;
    /// Refuses a change that would leave the team without an active admin.
    void keepAnAdmin(store::Sql& sql, const Agent& before, const Agent& after);
    /// Revokes the agent's sessions (all of them, or all but the caller's when agents change their own password) and
    /// returns the matching change for the agent's sockets.
    events::AgentAccessChange revokeSessions(store::Sql& sql, const Caller& caller, const std::string& agentId);

    store::Database& _database;
    const PasswordHasher& _hasher;
    const common::Clock& _clock;
    WidgetExists _widgetExists;
    events::EventBus& _bus;
    store::AgentRepository _agents;
    store::SessionRepository _sessions;
};

} // namespace switchboard::core::auth
