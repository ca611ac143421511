#include "core/auth/AgentService.h"

#include "core/auth/PasswordPolicy.h"
#include "core/common/ApiError.h"
#include "core/common/SecureRandom.h"
#include "core/common/Validation.h"

#include <switchboard/sdk/ContactAddress.h>

#include <algorithm>

namespace switchboard::core::auth {

using common::ApiError;

namespace {

constexpr std::size_t kMaxDisplayNameChars = 100;
constexpr std::int64_t kMaxConcurrentChats = 1000;

std::string checkDisplayName(const std::string& displayName) {
    std::string trimmed = common::trim(displayName);
    const auto length = common::utf8Length(trimmed);
    if (!length || *length == 0 || *length > kMaxDisplayNameChars)
        throw ApiError::invalid("validation_failed",
                                "display_name must be 1 to " + std::to_string(kMaxDisplayNameChars) + " characters",
                                "display_name");
    return trimmed;
}

void checkRole(const std::string& role) {
    if (role != "admin" && role != "agent")
        throw ApiError::badRequest("invalid_field", "role must be 'admin' or 'agent'", "role");
}

void checkMaxConcurrentChats(std::int64_t value) {
    if (value < 1 || value > kMaxConcurrentChats)
        throw ApiError::invalid("validation_failed",
                                "max_concurrent_chats must be 1 to " + std::to_string(kMaxConcurrentChats),
                                "max_concurrent_chats");
}

bool sharesWidget(const Agent& a, const Agent& b) {
    return std::any_of(a.widgets.begin(), a.widgets.end(), [&](const std::string& widget) {
        return std::find(b.widgets.begin(), b.widgets.end(), widget) != b.widgets.end();
    });
}

ApiError emailTaken() { return ApiError::conflict("conflict", "an agent with this email already exists"); }

} // namespace

AgentService::AgentService(store::Database& database, const PasswordHasher& hasher, const common::Clock& clock,
                           WidgetExists widgetExists, events::EventBus& bus)
    : _database(database), _hasher(hasher), _clock(clock), _widgetExists(std::move(widgetExists)), _bus(bus) {}

void AgentService::requireAdmin(const Caller& caller) {
    if (!caller.agent.isAdmin()) throw ApiError::forbidden("only an admin may do this");
}

std::vector<Agent> AgentService::list(const Caller& caller) {
    auto agents = _database.read([&](store::Sql& sql) { return _agents.list(sql); });
    if (caller.agent.isAdmin()) return agents;
    std::erase_if(agents, [&](const Agent& other) {
        const bool teammate = other.id == caller.agent.id || other.isAdmin() || sharesWidget(other, caller.agent);
        return !other.active || !teammate;
    });
    return agents;
}

Agent AgentService::get(const Caller& caller, const std::string& id) {
    requireAdmin(caller);
    auto agent = _database.read([&](store::Sql& sql) { return _agents.findById(sql, id); });
    if (!agent) throw ApiError::notFound("agent");
    return *agent;
}

Agent AgentService::create(const Caller& caller, const NewAgent& input) {
    requireAdmin(caller);
    Agent agent;
    agent.email = checkEmail(input.email);
    agent.displayName = checkDisplayName(input.displayName);
    PasswordPolicy::check(input.password, "password");
    checkRole(input.role);
    agent.role = input.role;
    agent.widgets = checkWidgets(input.widgets);
    checkMaxConcurrentChats(input.maxConcurrentChats);
    agent.maxConcurrentChats = input.maxConcurrentChats;

    agent.id = common::SecureRandom::uuid4();
    agent.passwordHash = _hasher.hash(input.password);
    agent.createdAt = agent.updatedAt = _clock.nowMs();
    const bool inserted = _database.write([&](store::Sql& sql) { return _agents.insert(sql, agent); });
    if (!inserted) throw emailTaken();
    return agent;
}

Agent AgentService::update(const Caller& caller, const std::string& id, const AgentChanges& changes) {
    requireAdmin(caller);
    const auto email = changes.email ? std::optional(checkEmail(*changes.email)) : std::nullopt;
    const auto displayName =
        changes.displayName ? std::optional(checkDisplayName(*changes.displayName)) : std::nullopt;
    if (changes.role) checkRole(*changes.role);
    const auto widgets = changes.widgets ? std::optional(checkWidgets(*changes.widgets)) : std::nullopt;
    if (changes.maxConcurrentChats) checkMaxConcurrentChats(*changes.maxConcurrentChats);
    std::optional<std::string> passwordHash;
    if (changes.password) {
        PasswordPolicy::check(*changes.password, "password");
        passwordHash = _hasher.hash(*changes.password);
    }

    std::optional<events::AgentAccessChange> accessChange;
    auto updated = _database.write([&](store::Sql& sql) {
        auto before = _agents.findById(sql, id);
        if (!before) throw ApiError::notFound("agent");
        Agent after = *before;
        if (email) after.email = *email;
        if (displayName) after.displayName = *displayName;
        if (changes.role) after.role = *changes.role;
        if (widgets) after.widgets = *widgets;
        if (changes.maxConcurrentChats) after.maxConcurrentChats = *changes.maxConcurrentChats;
        if (changes.active) after.active = *changes.active;
        after.updatedAt = _clock.nowMs();
        keepAnAdmin(sql, *before, after);

        if (!_agents.update(sql, after)) throw emailTaken();
        if (passwordHash) {
            _agents.setPasswordHash(sql, id, *passwordHash, after.updatedAt);
            after.passwordHash = *passwordHash;
        }
        if (!after.active) {
            _sessions.removeAllOfAgent(sql, id);
            accessChange = events::AgentAccessChange::allSessionsOf(id);
        } else {
            if (passwordHash) accessChange = revokeSessions(sql, caller, id);
            // The sessions stand, but every socket reconnects to carry what the agent may see now, and its name.
            if (after.role != before->role || after.widgets != before->widgets ||
                after.displayName != before->displayName)
                accessChange = events::AgentAccessChange::allSessionsOf(id);
        }
        return after;
    });
    if (accessChange) _bus.publish(accessChange->event());
    return updated;
}

void AgentService::deactivate(const Caller& caller, const std::string& id) {
    requireAdmin(caller);
    _database.write([&](store::Sql& sql) {
        auto before = _agents.findById(sql, id);
        if (!before) throw ApiError::notFound("agent");
        Agent after = *before;
        after.active = false;
        after.updatedAt = _clock.nowMs();
        keepAnAdmin(sql, *before, after);
        if (before->active) _agents.update(sql, after);
        _sessions.removeAllOfAgent(sql, id);
    });
    _bus.publish(events::AgentAccessChange::allSessionsOf(id).event());
}

bool AgentService::ensureFirstAdmin(const std::string& email, const std::string& password) {
    checkEmail(email);
    PasswordPolicy::check(password, "password");
    if (_database.read([&](store::Sql& sql) { return _agents.count(sql); }) > 0) return false;

    const auto admin = newAdmin(email, password);
    // Checked again inside the transaction: another node may have created the first admin meanwhile.
    return _database.write([&](store::Sql& sql) { return _agents.count(sql) == 0 && _agents.insert(sql, admin); });
}

Agent AgentService::createAdmin(const std::string& email, const std::string& password) {
    const auto admin = newAdmin(email, password);
    if (!_database.write([&](store::Sql& sql) { return _agents.insert(sql, admin); })) throw emailTaken();
    return admin;
}

bool AgentService::hasActiveAdmin() {
    return _database.read([&](store::Sql& sql) { return _agents.countActiveAdmins(sql); }) > 0;
}

Agent AgentService::newAdmin(const std::string& email, const std::string& password) const {
    Agent admin;
    admin.email = checkEmail(email);
    PasswordPolicy::check(password, "password");
    admin.id = common::SecureRandom::uuid4();
    admin.displayName = "Administrator";
    admin.role = "admin";
    admin.passwordHash = _hasher.hash(password);
    admin.createdAt = admin.updatedAt = _clock.nowMs();
    return admin;
}

std::string AgentService::checkEmail(const std::string& email) const {
    std::string normalized = common::normalizeEmail(email);
    if (!sdk::isValidEmail(normalized))
        throw ApiError::invalid("invalid_email", "email is not a valid email address", "email");
    return normalized;
}

std::vector<std::string> AgentService::checkWidgets(const std::vector<std::string>& widgets) const {
    for (const auto& widget : widgets)
        if (!_widgetExists(widget))
            throw ApiError::invalid("validation_failed", "unknown widget '" + widget + "'", "widgets");
    std::vector<std::string> unique = widgets;
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    return unique;
}

void AgentService::keepAnAdmin(store::Sql& sql, const Agent& before, const Agent& after) {
    const bool wasAdmin = before.isAdmin() && before.active;
    const bool staysAdmin = after.isAdmin() && after.active;
    if (wasAdmin && !staysAdmin && _agents.countActiveAdmins(sql) <= 1)
        throw ApiError::invalid("validation_failed", "the last active admin cannot be demoted or deactivated",
                                after.active ? "role" : "active");
}

events::AgentAccessChange AgentService::revokeSessions(store::Sql& sql, const Caller& caller,
                                                      const std::string& agentId) {
    if (agentId == caller.agent.id) {
        _sessions.removeAllOfAgentExcept(sql, agentId, caller.sessionTokenHash);
        return events::AgentAccessChange::allSessionsBut(agentId, caller.sessionTokenHash);
    }
    _sessions.removeAllOfAgent(sql, agentId);
    return events::AgentAccessChange::allSessionsOf(agentId);
}

} // namespace switchboard::core::auth
