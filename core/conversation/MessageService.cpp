#include "core/conversation/MessageService.h"

#include "core/common/ApiError.h"
#include "core/common/SecureRandom.h"
#include "core/common/Validation.h"
#include "core/conversation/ConversationStateMachine.h"
#include "core/conversation/MessageTotals.h"

#include <algorithm>

namespace switchboard::core::conversation {

using common::ApiError;

namespace {

/// Whether a message moved the conversation's status, owner or visitor channel (events and a full save follow).
bool stateChanged(const Conversation& before, const Conversation& after) {
    return before.status != after.status || before.assignedAgentId != after.assignedAgentId ||
           before.visitorChannel != after.visitorChannel || before.visitorAddress != after.visitorAddress;
}

/// Senders whose messages are for the visitor.
bool forVisitor(const Message& message) { return message.senderType == "agent" || message.senderType == "bot"; }

/// The latest delivery of each message among `deliveries`, by message id.
std::map<std::string, MessageDelivery> byMessage(const std::vector<handover::OutboxDelivery>& deliveries) {
    std::map<std::string, MessageDelivery> out;
    for (const auto& delivery : deliveries) {
        auto status = MessageDelivery::of(delivery);
        out.insert_or_assign(status.messageId, std::move(status));
    }
    return out;
}

} // namespace

MessageService::MessageService(store::Database& database, const config::WidgetRegistry& widgets,
                               const common::Clock& clock, limits::RateLimiter& limiter, ConversationEvents& events,
                               ConversationTakenReaction& taken, std::size_t maxMessageChars, WakeOutbox wakeOutbox)
    : _database(database),
      _widgets(widgets),
      _clock(clock),
      _limiter(limiter),
      _events(events),
      _taken(taken),
      _maxMessageChars(maxMessageChars),
      _wakeOutbox(std::move(wakeOutbox)) {}

PostedMessage MessageService::postVisitorMessage(const Visitor& visitor, const std::string& conversationId,
                                                 const std::string& text,
                                                 const std::optional<std::string>& clientMsgId) {
    validateText(text, clientMsgId);
    if (auto widget = _widgets.find(visitor.widgetId)) {
        const auto decision =
            _limiter.hit("visitor-messages:" + visitor.id, widget->rateLimits.messagesPerVisitorPerMinute, 60);
        if (!decision.allowed) throw common::RateLimited(decision.retryAfterS, "too many messages; slow down");
    }
    Message draft;
    draft.senderType = "visitor";
    draft.senderId = visitor.id;
    draft.senderName = visitor.name;
    draft.text = text;
    draft.clientMsgId = clientMsgId;
    return append(
        conversationId, std::move(draft),
        [&](const Conversation& c) { return c.visitorId == visitor.id; },
        [](Conversation& c, const Message&) { ++c.unreadByAgent; });
}

PostedMessage MessageService::postAgentMessage(const auth::Caller& caller, const std::string& conversationId,
                                               const std::string& text,
                                               const std::optional<std::string>& clientMsgId) {
    validateText(text, clientMsgId);
    Message draft;
    draft.senderType = "agent";
    draft.senderId = caller.agent.id;
    draft.senderName = caller.agent.displayName;
    draft.text = text;
    draft.clientMsgId = clientMsgId;
    return append(
        conversationId, std::move(draft), [&](const Conversation& c) { return caller.canSee(c.widgetId); },
        [&](Conversation& c, const Message& m) {
            ++c.unreadByVisitor;
            if (!c.firstResponseAt) c.firstResponseAt = m.createdAt;
            // The first agent to answer an unassigned conversation takes it over.
            if (!c.assignedAgentId) c.assignedAgentId = caller.agent.id;
            ConversationStateMachine::agentJoined(c);
        });
}

PostedMessage MessageService::postInboundMessage(const std::string& conversationId,
                                                 const sdk::InboundMessage& inbound,
                                                 const std::optional<VisitorChannels::Reach>& reach) {
    const auto clientMsgId = inbound.externalId.empty()
                                 ? std::nullopt
                                 : std::optional<std::string>("inbound:" + inbound.externalId.substr(0, 90));
    validateText(inbound.text, clientMsgId);
    Message draft;
    draft.senderType = "visitor";
    if (!inbound.from.name.empty()) draft.senderName = inbound.from.name;
    draft.text = inbound.text;
    draft.clientMsgId = clientMsgId;
    return append(
        conversationId, std::move(draft), [&](const Conversation& c) { return c.widgetId == inbound.widgetId; },
        [&](Conversation& c, const Message&) {
            ++c.unreadByAgent;
            // The visitor answered there: replies go back the same way.
            if (reach) {
                c.visitorChannel = reach->channel;
                c.visitorAddress = reach->address;
            }
        });
}

template <class Authorize, class Mutate>
PostedMessage MessageService::append(const std::string& conversationId, Message draft, Authorize&& authorize,
                                     Mutate&& mutate) {
    const auto now = _clock.nowMs();
    struct Outcome {
        PostedMessage posted;
        Conversation before;
        Conversation after;
        /// What taking the conversation over leaves to do once committed (ConversationTakenReaction).
        std::function<void()> afterCommit;
    };
    const auto deliveryOf = [&](store::Sql& sql, const Message& message) -> std::optional<MessageDelivery> {
        const auto found = byMessage(_outbox.messageDeliveries(sql, message.conversationId, message.seq, message.seq));
        if (found.empty()) return std::nullopt;
        return found.begin()->second;
    };
    auto outcome = _database.write([&](store::Sql& sql) -> Outcome {
        auto conversation = _conversations.findForUpdate(sql, conversationId);
        if (!conversation || !authorize(*conversation)) throw ApiError::notFound("conversation");
        // A retried submission returns the message it stored the first time, even once the conversation closed.
        const auto replay = [&]() -> std::optional<Outcome> {
            if (!draft.clientMsgId) return std::nullopt;
            auto existing = _messages.findByClientMsgId(sql, conversationId, *draft.clientMsgId);
            if (!existing) return std::nullopt;
            if (existing->text != draft.text || existing->senderType != draft.senderType)
                throw ApiError::conflict("client_msg_id_conflict",
                                         "client_msg_id was already used for a different message");
            auto delivery = deliveryOf(sql, *existing);
            return Outcome{{*existing, false, std::move(delivery)}, *conversation, *conversation, {}};
        };
        if (!conversation->isOpen()) {
            if (auto original = replay()) return *original;
            throw ApiError::conflict("conversation_closed", "the conversation is " + toString(conversation->status));
        }

        const Conversation before = *conversation;
        draft.id = common::SecureRandom::uuid4();
        draft.conversationId = conversationId;
        draft.seq = conversation->lastSeq + 1;
        draft.createdAt = now;
        // The unique (conversation_id, client_msg_id) index decides, not a read before the write.
        if (!_messages.insert(sql, draft)) {
            if (auto original = replay()) return *original;
            throw ApiError::conflict("client_msg_id_conflict", "client_msg_id was used concurrently; retry");
        }

        auto& c = *conversation;
        MessageTotals::add(c, draft);
        mutate(c, draft);
        if (stateChanged(before, c)) {
            _conversations.save(sql, c);
        } else {
            _conversations.saveMessageTotals(sql, c);
        }
        std::optional<MessageDelivery> delivery;
        if (forVisitor(draft)) {
            if (const auto queued = queueForVisitorChannel(sql, c, draft)) delivery = MessageDelivery::of(*queued);
        }
        std::function<void()> afterCommit;
        if (c.assignedAgentId && before.assignedAgentId != c.assignedAgentId)
            afterCommit = _taken.taken(sql, conversationId);
        return {{draft, true, std::move(delivery)}, before, c, std::move(afterCommit)};
    });

    if (outcome.posted.created) {
        if (outcome.posted.delivery) _wakeOutbox();
        _events.messageNew(outcome.after, outcome.posted.message, outcome.posted.delivery);
        if (stateChanged(outcome.before, outcome.after)) {
            if (auto view = _database.read([&](store::Sql& sql) { return _conversations.findView(sql, conversationId); })) {
                if (outcome.before.assignedAgentId != outcome.after.assignedAgentId) _events.conversationAssigned(*view);
                _events.conversationUpdated(*view);
            }
        }
        if (outcome.afterCommit) outcome.afterCommit();
    }
    return outcome.posted;
}

std::optional<handover::OutboxDelivery> MessageService::queueForVisitorChannel(store::Sql& sql,
                                                                               const Conversation& conversation,
                                                                               const Message& message) {
    if (!conversation.visitorChannel || !conversation.visitorAddress) return std::nullopt;
    const auto widget = _widgets.find(conversation.widgetId);
    handover::OutboxDelivery delivery;
    delivery.id = common::SecureRandom::uuid4();
    delivery.kind = sdk::DeliveryKind::AgentMessage;
    delivery.conversationId = conversation.id;
    delivery.messageId = message.id;
    delivery.address = conversation.visitorAddress;
    delivery.channel = *conversation.visitorChannel;
    delivery.destination = delivery.channel;
    delivery.maxAttempts = widget ? widget->handover.maxAttempts : config::HandoverConfig{}.maxAttempts;
    delivery.dueAt = delivery.createdAt = delivery.updatedAt = message.createdAt;
    _outbox.insertDelivery(sql, delivery);
    return delivery;
}

void MessageService::validateText(const std::string& text, const std::optional<std::string>& clientMsgId) const {
    const auto length = common::utf8Length(text);
    if (!length) throw ApiError::invalid("validation_failed", "text must be valid UTF-8", "text");
    if (common::trim(text).empty()) throw ApiError::invalid("empty_message", "text must not be empty", "text");
    if (*length > _maxMessageChars)
        throw ApiError::invalid("message_too_long",
                                "text is longer than " + std::to_string(_maxMessageChars) + " characters", "text");
    if (clientMsgId && (clientMsgId->empty() || clientMsgId->size() > MaxClientMsgIdLength))
        throw ApiError::invalid("validation_failed",
                                "client_msg_id must be 1 to " + std::to_string(MaxClientMsgIdLength) + " characters",
                                "client_msg_id");
}

MessagePage MessageService::visitorMessagesAfter(const Visitor& visitor, const std::string& conversationId,
                                                 std::int64_t afterSeq, std::size_t limit) {
    return _database.read([&](store::Sql& sql) {
        auto view = _conversations.findView(sql, conversationId);
        if (!view || view->conversation.visitorId != visitor.id) throw ApiError::notFound("conversation");
        return page(sql, conversationId, std::nullopt, afterSeq, limit);
    });
}

MessagePage MessageService::agentMessages(const auth::Caller& caller, const std::string& conversationId,
                                          std::optional<std::int64_t> beforeSeq, std::optional<std::int64_t> afterSeq,
                                          std::size_t limit) {
    return _database.read([&](store::Sql& sql) {
        auto view = _conversations.findView(sql, conversationId);
        if (!view || !caller.canSee(view->conversation.widgetId)) throw ApiError::notFound("conversation");
        if (!beforeSeq && !afterSeq) beforeSeq = view->conversation.lastSeq + 1;
        auto result = page(sql, conversationId, beforeSeq, afterSeq, limit);
        if (!result.messages.empty()) {
            result.deliveries = byMessage(_outbox.messageDeliveries(sql, conversationId, result.messages.front().seq,
                                                                    result.messages.back().seq));
        }
        return result;
    });
}

MessagePage MessageService::page(store::Sql& sql, const std::string& conversationId,
                                 std::optional<std::int64_t> beforeSeq, std::optional<std::int64_t> afterSeq,
                                 std::size_t limit) {
    limit = std::clamp<std::size_t>(limit, 1, MaxPageSize);
    // One extra row tells whether there is more beyond this page.
    MessagePage result;
    if (beforeSeq) {
        result.messages = _messages.listBefore(sql, conversationId, *beforeSeq, limit + 1);
        if (result.messages.size() > limit) {
            result.hasMore = true;
            result.messages.erase(result.messages.begin());
        }
    } else {
        result.messages = _messages.listAfter(sql, conversationId, afterSeq.value_or(0), limit + 1);
        if (result.messages.size() > limit) {
            result.hasMore = true;
            result.messages.pop_back();
        }
    }
    return result;
}

} // namespace switchboard::core::conversation
