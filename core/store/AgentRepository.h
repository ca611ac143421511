#pragma once

#include "core/auth/Agent.h"
#include "core/store/Row.h"
#include "core/store/Sql.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::store {

/// Agents and the widgets each one serves (agents, agent_widgets). Every agent returned has its widgets loaded.
class AgentRepository {
public:
    /// Columns in the order `fromRow` reads them, for use in joins (prefix with the table alias).
    static std::string columns(const std::string& alias);
    /// An agent without its widgets; see loadWidgets().
    static auth::Agent fromRow(const Row& row, std::size_t firstColumn);
    static void loadWidgets(Sql& sql, auth::Agent& agent);

    /// Inserts the agent and its widgets unless the email is taken; returns false when it is.
    bool insert(Sql& sql, const auth::Agent& agent);
    /// Saves the profile (not the password hash, nor the presence status) and replaces the widgets; returns
    /// false, changing nothing, when the new email belongs to another agent.
    bool update(Sql& sql, const auth::Agent& agent);
    void setPasswordHash(Sql& sql, const std::string& agentId, const std::string& passwordHash, std::int64_t nowMs);
    /// The presence status the agent chose (online, away, busy, offline); not a profile change.
    void updateStatus(Sql& sql, const std::string& agentId, const std::string& status);

    std::optional<auth::Agent> findById(Sql& sql, const std::string& id);
    /// `email` must already be normalised (common::normalizeEmail).
    std::optional<auth::Agent> findByEmail(Sql& sql, const std::string& email);
    /// Every agent, ordered by display name.
    std::vector<auth::Agent> list(Sql& sql);
    std::int64_t count(Sql& sql);
    std::int64_t countActiveAdmins(Sql& sql);

private:
    void insertWidgets(Sql& sql, const auth::Agent& agent);
    std::vector<auth::Agent> select(Sql& sql, Poco::Data::Statement& statement);
};

} // namespace switchboard::core::store
