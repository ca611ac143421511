#include "core/auth/AuthService.h"

#include "core/auth/PasswordPolicy.h"
#include "core/common/ApiError.h"
#include "core/common/Digest.h"
#include "core/common/SecureRandom.h"
#include "core/common/Validation.h"
#include "core/events/AgentAccessChange.h"

namespace switchboard::core::auth {

using common::ApiError;

namespace {

constexpr int kMinuteS = 60;
constexpr int kHourS = 60 * 60;

ApiError invalidCredentials() { return {401, "invalid_credentials", "the email or password is not correct"}; }

std::optional<std::string> nonEmpty(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return text;
}

} // namespace

AuthService::AuthService(store::Database& database, const PasswordHasher& hasher, const common::Clock& clock,
                         limits::RateLimiter& limiter, config::AuthConfig config, events::EventBus& bus)
    : _database(database), _hasher(hasher), _clock(clock), _limiter(limiter), _config(std::move(config)), _bus(bus) {}

LoginResult AuthService::login(const std::string& email, const std::string& password, const std::string& clientIp,
                               const std::string& userAgent) {
    limit("login-ip:" + clientIp, _config.loginPerIpPerMinute, kMinuteS);
    const std::string normalized = common::normalizeEmail(email);
    // Counted whether or not the account exists, so the limit does not reveal which ones do.
    limit("login-account:" + normalized, _config.loginPerAccountPerHour, kHourS);

    auto agent = _database.read([&](store::Sql& sql) { return _agents.findByEmail(sql, normalized); });
    if (!agent) {
        _hasher.burnEquivalentTime(password);
        throw invalidCredentials();
    }
    if (!_hasher.verify(agent->passwordHash, password) || !agent->active) throw invalidCredentials();

    std::optional<std::string> rehashed;
    if (_hasher.needsRehash(agent->passwordHash)) rehashed = _hasher.hash(password);

    const std::int64_t nowMs = _clock.nowMs();
    LoginResult result;
    result.token = common::SecureRandom::token();
    result.expiresAt = nowMs + static_cast<std::int64_t>(_config.sessionTtlHours) * kHourS * 1000;
    AgentSession session{hashToken(result.token), agent->id, nowMs, result.expiresAt, nonEmpty(clientIp),
                         nonEmpty(userAgent)};
    _database.write([&](store::Sql& sql) {
        // Logins are rare enough to carry the clean-up, so no timer is needed for it.
        _sessions.removeExpired(sql, nowMs);
        _sessions.insert(sql, session);
        if (rehashed) _agents.setPasswordHash(sql, agent->id, *rehashed, nowMs);
    });
    if (rehashed) agent->passwordHash = *rehashed;
    result.agent = std::move(*agent);
    return result;
}

std::optional<Caller> AuthService::authenticate(const std::string& token) {
    if (token.empty()) return std::nullopt;
    const std::string tokenHash = hashToken(token);
    auto agent = _database.read([&](store::Sql& sql) { return _sessions.findAgent(sql, tokenHash, _clock.nowMs()); });
    if (!agent) return std::nullopt;
    return Caller{std::move(*agent), tokenHash};
}

void AuthService::logout(const std::string& tokenHash) {
    _database.write([&](store::Sql& sql) { _sessions.remove(sql, tokenHash); });
    _bus.publish(events::AgentAccessChange::session(tokenHash).event());
}

void AuthService::changePassword(const Caller& caller, const std::string& currentPassword,
                                 const std::string& newPassword) {
    // The current password is a secret worth guessing even for someone holding a stolen session.
    limit("password-change:" + caller.agent.id, _config.loginPerAccountPerHour, kHourS);
    auto agent = _database.read([&](store::Sql& sql) { return _agents.findById(sql, caller.agent.id); });
    if (!agent || !_hasher.verify(agent->passwordHash, currentPassword))
        throw ApiError::invalid("validation_failed", "the current password is not correct", "current_password");
    PasswordPolicy::check(newPassword, "new_password");

    const std::string newHash = _hasher.hash(newPassword);
    _database.write([&](store::Sql& sql) {
        _agents.setPasswordHash(sql, agent->id, newHash, _clock.nowMs());
        _sessions.removeAllOfAgentExcept(sql, agent->id, caller.sessionTokenHash);
    });
    _bus.publish(events::AgentAccessChange::allSessionsBut(agent->id, caller.sessionTokenHash).event());
}

std::string AuthService::hashToken(const std::string& token) { return common::Digest::sha256Hex(token); }

void AuthService::limit(const std::string& key, int limit, int windowS) {
    const auto decision = _limiter.hit(key, limit, windowS);
    if (!decision.allowed)
        throw common::RateLimited(decision.retryAfterS, "too many sign-in attempts; try again later");
}

} // namespace switchboard::core::auth
