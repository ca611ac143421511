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

/// Whether a message moved the conversation's status or owner (events and a full save follow).
bool stateChanged(const Conversation& before, const Conversation& after) {
    return before.status != after.status || before.assignedAgentId != after.assignedAgentId;
}

} // namespace

MessageService::MessageService(store::Database& database, const config::WidgetRegistry& widgets,
                               const common::Clock& clock, limits::RateLimiter& limiter, ConversationEvents& events,
                               ConversationTakenReaction& taken, std::size_t maxMessageChars)
    : _database(database),
      _widgets(widgets),
      _clock(clock),
      _limiter(limiter),
      _events(events),
      _taken(taken),
      _maxMessageChars(maxMessageChars) {}

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
                                                 const sdk::InboundMessage& inbound) {
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
        [](Conversation& c, const Message&) { ++c.unreadByAgent; });
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
            return Outcome{{*existing, false}, *conversation, *conversation, {}};
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
        std::function<void()> afterCommit;
        if (c.assignedAgentId && before.assignedAgentId != c.assignedAgentId)
            afterCommit = _taken.taken(sql, conversationId);
        return {{draft, true}, before, c, std::move(afterCommit)};
    });

    if (outcome.posted.created) {
        _events.messageNew(outcome.after, outcome.posted.message);
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
        return page(sql, conversationId, beforeSeq, afterSeq, limit);
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
