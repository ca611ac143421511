#include "core/handover/HandoverService.h"

#include "core/common/ApiError.h"
#include "core/common/SecureRandom.h"
#include "core/common/Validation.h"
#include "core/conversation/ConversationStateMachine.h"
#include "core/handover/DeliveryLedger.h"

#include <switchboard/sdk/ContactAddress.h>

#include <Poco/URI.h>

#include <algorithm>

namespace switchboard::core::handover {

using common::ApiError;

namespace {

/// A contact detail as the visitor gave it now, else as they gave it before; empty text counts as not given.
std::optional<std::string> contact(const std::optional<std::string>& given, const std::optional<std::string>& known) {
    if (given) {
        auto trimmed = common::trim(*given);
        if (!trimmed.empty()) return trimmed;
    }
    return known;
}

bool needs(const config::HandoverMethod& method, const std::string& field) {
    return std::find(method.requiredFields.begin(), method.requiredFields.end(), field) !=
           method.requiredFields.end();
}

/// The request's contact details, checked: what the method requires must be there, and what is there must be valid.
void checkContact(const config::HandoverMethod& method, HandoverRequest& request) {
    if (needs(method, "name") && !request.visitorName)
        throw ApiError::invalid("validation_failed", "your name is needed to reach you this way", "visitor_name");
    if (request.visitorName && request.visitorName->size() > 200)
        throw ApiError::invalid("validation_failed", "visitor_name is longer than 200 characters", "visitor_name");
    if (needs(method, "email") && !request.visitorEmail)
        throw ApiError::invalid("validation_failed", "an email address is needed to reach you this way", "visitor_email");
    if (request.visitorEmail) {
        if (!sdk::isValidEmail(*request.visitorEmail))
            throw ApiError::invalid("invalid_email", "visitor_email is not a valid email address", "visitor_email");
        request.visitorEmail = common::normalizeEmail(*request.visitorEmail);
    }
    if (needs(method, "phone") && !request.visitorPhone)
        throw ApiError::invalid("validation_failed", "a phone number is needed to reach you this way", "visitor_phone");
    if (request.visitorPhone && !sdk::isValidE164(*request.visitorPhone))
        throw ApiError::invalid("invalid_phone", "visitor_phone must be in international E.164 form, e.g. +447700900123",
                                "visitor_phone");
}

const config::HandoverMethod& chooseMethod(const config::HandoverConfig& handover, const HandoverAsk& ask) {
    const auto name = ask.requestedMethod.value_or(handover.defaultMethod);
    for (const auto& method : handover.methods) {
        if (method.name == name) return method;
    }
    throw ApiError::invalid("unknown_method", "this widget offers no handover method \"" + name + "\"",
                            "requested_method");
}

} // namespace

HandoverService::HandoverService(store::Database& database, const config::WidgetRegistry& widgets,
                                 const common::Clock& clock, limits::RateLimiter& limiter,
                                 conversation::ConversationEvents& events, HandoverEvents& handoverEvents,
                                 const conversation::VisitorChannels& visitorChannels,
                                 std::function<void()> wakeOutbox)
    : _database(database), _widgets(widgets), _clock(clock), _limiter(limiter), _events(events),
      _handoverEvents(handoverEvents), _visitorChannels(visitorChannels), _wakeOutbox(std::move(wakeOutbox)) {}

std::string HandoverService::destinationOf(const config::HandoverMethod& method) {
    if (auto url = method.settings.find("url"); url != method.settings.end()) {
        try {
            const Poco::URI uri(url->second);
            if (!uri.getHost().empty()) return uri.getHost() + ":" + std::to_string(uri.getPort());
        } catch (const Poco::SyntaxException&) {
            // Validated with the widget's config; fall back to the channel so the delivery still queues.
        }
    }
    return method.channel;
}

HandoverAnswer HandoverService::request(const conversation::Visitor& visitor, const HandoverAsk& ask) {
    const auto widget = _widgets.find(visitor.widgetId);
    if (!widget || !widget->handover.enabled || widget->handover.methods.empty())
        throw ApiError::conflict("handover_disabled", "this widget does not hand conversations over");
    const auto& method = chooseMethod(widget->handover, ask);

    HandoverRequest draft;
    draft.conversationId = ask.conversationId;
    draft.widgetId = widget->id;
    draft.method = method.name;
    draft.channel = method.channel;
    draft.visitorName = contact(ask.visitorName, visitor.name);
    draft.visitorEmail = contact(ask.visitorEmail, visitor.email);
    draft.visitorPhone = contact(ask.visitorPhone, visitor.phone);
    draft.visitorMessage = contact(ask.visitorMessage, std::nullopt);
    checkContact(method, draft);
    if (draft.visitorMessage) {
        const auto length = common::utf8Length(*draft.visitorMessage);
        if (!length) throw ApiError::invalid("validation_failed", "visitor_message is not valid UTF-8", "visitor_message");
        if (*length > MaxMessageChars)
            throw ApiError::invalid("message_too_long", "visitor_message is longer than " + std::to_string(MaxMessageChars) +
                                                    " characters", "visitor_message");
    }

    const auto decision = _limiter.hit("handover:" + visitor.id, RequestsPerVisitorPerHour, 3600);
    if (!decision.allowed) throw common::RateLimited(decision.retryAfterS, "too many handover requests; wait a while");

    HandoverAnswer answer;
    std::optional<conversation::ConversationView> changed;
    _database.write([&](store::Sql& sql) {
        auto conversation = _conversations.findForUpdate(sql, ask.conversationId);
        if (!conversation || conversation->visitorId != visitor.id) throw ApiError::notFound("conversation");
        if (auto open = _requests.findOpenRequest(sql, conversation->id)) {
            answer.request = std::move(*open);
            answer.created = false;
            return;
        }
        if (!conversation->isOpen())
            throw ApiError::conflict("conversation_closed",
                                     "the conversation is " + conversation::toString(conversation->status));
        if (conversation->status == conversation::ConversationStatus::Active)
            throw ApiError::conflict("conversation_active", "an agent is already in this conversation");

        const auto now = _clock.nowMs();
        draft.id = common::SecureRandom::uuid4();
        draft.createdAt = draft.updatedAt = now;
        _requests.insertRequest(sql, draft);

        OutboxDelivery delivery;
        delivery.id = common::SecureRandom::uuid4();
        delivery.requestId = draft.id;
        delivery.conversationId = draft.conversationId;
        delivery.channel = method.channel;
        delivery.destination = destinationOf(method);
        delivery.maxAttempts = widget->handover.maxAttempts;
        delivery.dueAt = delivery.createdAt = delivery.updatedAt = now;
        _requests.insertDelivery(sql, delivery);

        conversation::ConversationStateMachine::moveTo(*conversation, conversation::ConversationStatus::Pending);
        conversation->handoverMethod = method.name;
        // A channel that reaches visitors carries the conversation on: agents' replies go there from now on.
        if (const auto reach = _visitorChannels.reach(method.channel, draft.visitorEmail, draft.visitorPhone)) {
            conversation->visitorChannel = reach->channel;
            conversation->visitorAddress = reach->address;
        }
        conversation->updatedAt = conversation->activityAt = now;
        _conversations.save(sql, *conversation);
        answer.notice = _notices.append(sql, *conversation, method.confirmation, now);
        changed = _conversations.findView(sql, conversation->id);
        answer.request = draft;
    });
    if (changed) {
        _events.messageNew(changed->conversation, *answer.notice);
        _events.conversationUpdated(*changed);
        _handoverEvents.updated(answer.request);
        _wakeOutbox();
    }
    // An open request may have come from another method; the visitor is told what applies to it.
    answer.confirmation = method.confirmation;
    for (const auto& configured : widget->handover.methods) {
        if (configured.name == answer.request.method) answer.confirmation = configured.confirmation;
    }
    return answer;
}

HandoverRequest HandoverService::retry(const auth::Caller& caller, const std::string& requestId) {
    if (!caller.agent.isAdmin()) throw ApiError::forbidden("only an admin may retry a handover request");
    const auto failed = _database.read([&](store::Sql& sql) { return _requests.findRequest(sql, requestId); });
    if (!failed) throw ApiError::notFound("handover request");
    const auto widget = _widgets.find(failed->widgetId);
    const auto request = DeliveryLedger(_database, _clock).retry(requestId, widget ? widget->handover.maxAttempts : config::HandoverConfig{}.maxAttempts);
    _handoverEvents.updated(request);
    _wakeOutbox();
    return request;
}

} // namespace switchboard::core::handover
