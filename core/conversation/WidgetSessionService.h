#pragma once

#include "core/common/Clock.h"
#include "core/config/WidgetRegistry.h"
#include "core/conversation/ConversationEvents.h"
#include "core/conversation/MessageService.h"
#include "core/limits/RateLimiter.h"
#include "core/store/ConversationRepository.h"
#include "core/store/Database.h"
#include "core/store/VisitorRepository.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace switchboard::core::conversation {

/// What the widget sends when it opens a conversation (the pre-chat form and page context).
struct WidgetStart {
    std::string widgetId;
    std::optional<std::string> name;
    std::optional<std::string> email;
    std::optional<std::string> phone;
    std::optional<std::string> message;
    std::vector<std::pair<std::string, std::string>> custom;
    std::optional<std::string> currentUrl;
    std::optional<std::string> referrer;
    /// The visitor token the widget already holds, if any.
    std::optional<std::string> visitorToken;
    std::string clientIp;
    std::string userAgent;
};

struct WidgetSession {
    ConversationView view;
    std::string visitorToken;
    bool resumed = false;
    std::vector<Message> messages;
};

/// Starts or resumes a visitor's conversation and identifies visitors by their token.
///
/// The token is random, given to the widget once, and stored only as its SHA-256: knowing a conversation id
/// is never enough to read or write it.
class WidgetSessionService {
public:
    WidgetSessionService(store::Database& database, const config::WidgetRegistry& widgets, const common::Clock& clock,
                         limits::RateLimiter& limiter, ConversationEvents& events, MessageService& messages);

    WidgetSession start(const WidgetStart& request);
    /// The visitor a token belongs to; nullopt for an unknown token.
    std::optional<Visitor> authenticate(const std::string& visitorToken);
    /// Like authenticate, but throws 401.
    Visitor requireVisitor(const std::optional<std::string>& visitorToken);
    /// The conversation a visitor's socket follows: `conversationId` when it is the visitor's own, else the
    /// visitor's open conversation. Throws 404 for another visitor's id or when there is none.
    std::string conversationFor(const Visitor& visitor, const std::optional<std::string>& conversationId);

    static constexpr std::size_t MaxCustomFields = 20;
    static constexpr std::size_t MaxFieldLength = 2000;

private:
    void validate(const config::WidgetConfig& widget, const WidgetStart& request,
                  const std::optional<Visitor>& known) const;
    void applyDetails(Visitor& visitor, const WidgetStart& request) const;

    store::Database& _database;
    const config::WidgetRegistry& _widgets;
    const common::Clock& _clock;
    limits::RateLimiter& _limiter;
    ConversationEvents& _events;
    MessageService& _messages;
    store::VisitorRepository _visitorRepository;
    store::ConversationRepository _conversationRepository;
};

} // namespace switchboard::core::conversation
