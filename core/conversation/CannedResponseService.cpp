#include "core/conversation/CannedResponseService.h"

#include "core/common/ApiError.h"
#include "core/common/SecureRandom.h"
#include "core/common/Validation.h"

namespace switchboard::core::conversation {

using common::ApiError;

namespace {

constexpr std::size_t kMaxTitleChars = 100;
constexpr std::size_t kMaxShortcutNameChars = 32;

bool visibleTo(const auth::Caller& caller, const CannedResponse& response) {
    if (response.isShared()) return !response.widgetId || caller.canSee(*response.widgetId);
    return response.ownerAgentId == caller.agent.id;
}

bool isShortcutChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'; }

/// Code points of `text` if it is well-formed UTF-8 with something besides whitespace, else 0.
std::size_t contentChars(const std::string& text) {
    if (common::trim(text).empty()) return 0;
    return common::utf8Length(text).value_or(0);
}

ApiError shortcutTaken() {
    return ApiError::conflict("conflict", "a canned response with this shortcut already exists in this scope",
                              "shortcut");
}

} // namespace

CannedResponseService::CannedResponseService(store::Database& database, const common::Clock& clock,
                                             WidgetExists widgetExists, std::size_t maxContentChars)
    : _database(database), _clock(clock), _widgetExists(std::move(widgetExists)), _maxContentChars(maxContentChars) {}

std::vector<CannedResponse> CannedResponseService::list(const auth::Caller& caller,
                                                        const std::optional<std::string>& widgetId) {
    auto responses = _database.read([&](store::Sql& sql) { return _responses.listFor(sql, caller.agent.id, widgetId); });
    std::erase_if(responses, [&](const CannedResponse& response) { return !visibleTo(caller, response); });
    return responses;
}

CannedResponse CannedResponseService::useShortcut(const auth::Caller& caller, const std::string& shortcut) {
    return _database.write([&](store::Sql& sql) {
        for (auto& candidate : _responses.findByShortcut(sql, caller.agent.id, shortcut)) {
            if (!visibleTo(caller, candidate)) continue;
            _responses.incrementUsage(sql, candidate.id);
            ++candidate.usageCount;
            return candidate;
        }
        throw ApiError::notFound("canned response");
    });
}

CannedResponse CannedResponseService::create(const auth::Caller& caller, const Draft& draft) {
    auto response = validated(caller, draft);
    response.id = common::SecureRandom::uuid4();
    response.createdAt = response.updatedAt = _clock.nowMs();
    if (!_database.write([&](store::Sql& sql) { return _responses.insert(sql, response); })) throw shortcutTaken();
    return response;
}

CannedResponse CannedResponseService::update(const auth::Caller& caller, const std::string& id, const Draft& draft) {
    auto changed = validated(caller, draft);
    return _database.write([&](store::Sql& sql) {
        const auto existing = editable(sql, caller, id);
        changed.id = existing.id;
        changed.usageCount = existing.usageCount;
        changed.createdAt = existing.createdAt;
        changed.updatedAt = _clock.nowMs();
        if (!_responses.update(sql, changed)) throw shortcutTaken();
        return changed;
    });
}

void CannedResponseService::remove(const auth::Caller& caller, const std::string& id) {
    _database.write([&](store::Sql& sql) {
        editable(sql, caller, id);
        _responses.remove(sql, id);
    });
}

bool CannedResponseService::isValidShortcut(const std::string& shortcut) {
    if (shortcut.size() < 2 || shortcut.size() > kMaxShortcutNameChars + 1 || shortcut.front() != '/') return false;
    for (std::size_t i = 1; i < shortcut.size(); ++i)
        if (!isShortcutChar(shortcut[i])) return false;
    return true;
}

CannedResponse CannedResponseService::validated(const auth::Caller& caller, const Draft& draft) const {
    if (draft.scope != "personal" && draft.scope != "shared")
        throw ApiError::badRequest("invalid_field", "scope must be 'personal' or 'shared'", "scope");
    if (draft.scope == "shared" && !caller.agent.isAdmin())
        throw ApiError::forbidden("only an admin may manage shared canned responses");

    CannedResponse response;
    response.title = common::trim(draft.title);
    const auto titleChars = common::utf8Length(response.title).value_or(0);
    if (titleChars == 0 || titleChars > kMaxTitleChars)
        throw ApiError::invalid("validation_failed",
                                "title must be 1 to " + std::to_string(kMaxTitleChars) + " characters", "title");
    if (!isValidShortcut(draft.shortcut))
        throw ApiError::invalid("validation_failed",
                                "shortcut must be '/' followed by 1 to 32 of a-z, 0-9, '_' and '-'", "shortcut");
    const auto chars = contentChars(draft.content);
    if (chars == 0 || chars > _maxContentChars)
        throw ApiError::invalid("validation_failed",
                                "content must be 1 to " + std::to_string(_maxContentChars) + " characters", "content");
    // A widget the agent does not serve is one they cannot know of: 404, as for an unknown one.
    if (draft.widgetId && (!_widgetExists(*draft.widgetId) || !caller.canSee(*draft.widgetId)))
        throw ApiError::notFound("widget");

    response.shortcut = draft.shortcut;
    response.content = draft.content;
    response.widgetId = draft.widgetId;
    response.scope = draft.scope;
    if (!response.isShared()) response.ownerAgentId = caller.agent.id;
    return response;
}

CannedResponse CannedResponseService::editable(store::Sql& sql, const auth::Caller& caller, const std::string& id) {
    auto response = _responses.findById(sql, id);
    if (!response || !visibleTo(caller, *response)) throw ApiError::notFound("canned response");
    if (response->isShared() && !caller.agent.isAdmin())
        throw ApiError::forbidden("only an admin may manage shared canned responses");
    return *response;
}

} // namespace switchboard::core::conversation
