#pragma once

#include "core/auth/Agent.h"
#include "core/auth/Caller.h"
#include "core/auth/PasswordHasher.h"
#include "core/common/Clock.h"
#include "core/config/HubConfig.h"
#include "core/events/EventBus.h"
#include "core/limits/RateLimiter.h"
#include "core/store/AgentRepository.h"
#include "core/store/Database.h"
#include "core/store/SessionRepository.h"

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::auth {

struct LoginResult {
    /// The session token; only its hash is stored, so this is the one time it exists in clear.
    std::string token;
    std::int64_t expiresAt = 0;
    Agent agent;
};

/// Agents' sign-in: passwords, sessions and the login rate limits.
class AuthService {
public:
    AuthService(store::Database& database, const PasswordHasher& hasher, const common::Clock& clock,
                limits::RateLimiter& limiter, config::AuthConfig config, events::EventBus& bus);

    /// Throws 401 `invalid_credentials` (the same for an unknown email, a wrong password and a deactivated
    /// agent) or common::RateLimited. Deletes the expired sessions of every agent on the way.
    LoginResult login(const std::string& email, const std::string& password, const std::string& clientIp,
                      const std::string& userAgent);
    /// The caller behind a session token, if the session is current and its agent active.
    std::optional<Caller> authenticate(const std::string& token);
    /// Revokes the session with this token hash (Caller::sessionTokenHash), and closes its sockets; unknown hashes
    /// are ignored.
    void logout(const std::string& tokenHash);
    /// Throws 422 `validation_failed` for a wrong current password or a weak new one, common::RateLimited past
    /// `auth.login_per_account_per_hour` attempts; on success every other session of the agent is revoked (and its
    /// sockets closed).
    void changePassword(const Caller& caller, const std::string& currentPassword, const std::string& newPassword);
    static std::string hashToken(const std::string& token);

private:
    void limit(const std::string& key, int limit, int windowS);

    store::Database& _database;
    const PasswordHasher& _hasher;
    const common::Clock& _clock;
    limits::RateLimiter& _limiter;
    const config::AuthConfig _config;
    events::EventBus& _bus;
    store::AgentRepository _agents;
    store::SessionRepository _sessions;
};

} // namespace switchboard::core::auth
