#pragma once

#include "core/auth/Caller.h"
#include "core/common/Clock.h"
#include "core/config/WidgetRegistry.h"
#include "core/conversation/ConversationEvents.h"
#include "core/conversation/SystemMessageWriter.h"
#include "core/conversation/Visitor.h"
#include "core/conversation/VisitorChannels.h"
#include "core/handover/HandoverAsk.h"
#include "core/handover/HandoverEvents.h"
#include "core/handover/HandoverRequest.h"
#include "core/limits/RateLimiter.h"
#include "core/store/ConversationRepository.h"
#include "core/store/Database.h"
#include "core/store/HandoverRepository.h"

#include <functional>
#include <optional>
#include <string>

namespace switchboard::core::handover {

struct HandoverAnswer {
    HandoverRequest request;
    /// False when an open request already existed and is returned instead.
    bool created = true;
    /// What the visitor is told ("Check your WhatsApp...").
    std::string confirmation;
    /// The confirmation as the `system` message this request added to the conversation; none when an open
    /// request is returned (its own is already there).
    std::optional<conversation::Message> notice;
};

/// A visitor asks for a person: the request is checked against the widget's handover block, then stored with its
/// delivery and the method's confirmation (a `system` message) in one transaction, the conversation moves to
/// `pending`, the visitor and the agents hear of it, and the outbox worker is woken to deliver it.
class HandoverService {
public:
    /// Longest `visitor_message`, in characters.
    static constexpr std::size_t MaxMessageChars = 2000;
    /// Requests a visitor may make per hour.
    static constexpr int RequestsPerVisitorPerHour = 10;

    HandoverService(store::Database& database, const config::WidgetRegistry& widgets, const common::Clock& clock,
                    limits::RateLimiter& limiter, conversation::ConversationEvents& events,
                    HandoverEvents& handoverEvents, const conversation::VisitorChannels& visitorChannels,
                    std::function<void()> wakeOutbox);

    HandoverAnswer request(const conversation::Visitor& visitor, const HandoverAsk& ask);

    /// Admins only: a failed request is delivered again, each failed delivery with the widget's max_attempts more.
    HandoverRequest retry(const auth::Caller& caller, const std::string& requestId);

    /// Where the deliveries of `method` queue for concurrency: the host of its `url`, else the channel instance.
    static std::string destinationOf(const config::HandoverMethod& method);

private:
    store::Database& _database;
    const config::WidgetRegistry& _widgets;
    const common::Clock& _clock;
    limits::RateLimiter& _limiter;
    conversation::ConversationEvents& _events;
    HandoverEvents& _handoverEvents;
    const conversation::VisitorChannels& _visitorChannels;
    std::function<void()> _wakeOutbox;
    store::HandoverRepository _requests;
    store::ConversationRepository _conversations;
    conversation::SystemMessageWriter _notices;
};

} // namespace switchboard::core::handover
