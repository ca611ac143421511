#pragma once

#include "core/auth/Caller.h"
#include "core/common/Clock.h"
#include "core/config/WidgetRegistry.h"
#include "core/conversation/ConversationEvents.h"
#include "core/conversation/ConversationTakenReaction.h"
#include "core/conversation/Message.h"
#include "core/conversation/MessageDelivery.h"
#include "core/conversation/VisitorChannels.h"
#include "core/conversation/Visitor.h"
#include "core/limits/RateLimiter.h"
#include "core/store/ConversationRepository.h"
#include "core/store/Database.h"
#include "core/store/HandoverRepository.h"
#include "core/store/MessageRepository.h"

#include <switchboard/sdk/Inbound.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::conversation {

struct PostedMessage {
    Message message;
    /// False when a retry with a known client_msg_id returned the original.
    bool created = true;
    /// The message's delivery to the visitor's external channel, when it went out through one.
    std::optional<MessageDelivery> delivery;
};

struct MessagePage {
    std::vector<Message> messages;
    bool hasMore = false;
    /// By message id: how the page's messages to the visitor's external channel stand (agents' pages only).
    std::map<std::string, MessageDelivery> deliveries;
};

/// Adds messages to conversations and reads them back in sequence order: the hot path of the hub.
///
/// Each message gets the next sequence number of its conversation in the same transaction that stores it
/// (the conversation row is locked for the duration), and a repeated client_msg_id returns the stored message
/// instead of adding a second one; the database's unique constraint is what guarantees it.
///
/// An agent's message to a visitor who is reached through an external channel (the conversation's visitor
/// channel) is queued in the outbox as an `agent_message` delivery in that same transaction, so that it is
/// delivered at least once even if the hub stops right after the commit.
class MessageService {
public:
    /// Something was queued in the outbox: look at it now.
    using WakeOutbox = std::function<void()>;

    MessageService(store::Database& database, const config::WidgetRegistry& widgets, const common::Clock& clock,
                   limits::RateLimiter& limiter, ConversationEvents& events, ConversationTakenReaction& taken,
                   std::size_t maxMessageChars, WakeOutbox wakeOutbox);

    PostedMessage postVisitorMessage(const Visitor& visitor, const std::string& conversationId,
                                     const std::string& text, const std::optional<std::string>& clientMsgId);
    PostedMessage postAgentMessage(const auth::Caller& caller, const std::string& conversationId,
                                   const std::string& text, const std::optional<std::string>& clientMsgId);
    /// A visitor's message that came from outside (a reply on WhatsApp, by email) through a channel, into
    /// `conversationId` of the message's widget (InboundMessagePoster chooses it). A repeated `externalId` returns
    /// the stored message (`created` false). Throws 404 when the conversation is not the widget's, 409 when it is
    /// closed or the external id came before with another text, 422 for text that cannot be stored.
    /// `reach`: where the channel reaches the visitor (the channel instance and the message's address), which
    /// becomes the conversation's visitor channel; none for a channel that reaches no visitor.
    PostedMessage postInboundMessage(const std::string& conversationId, const sdk::InboundMessage& inbound,
                                     const std::optional<VisitorChannels::Reach>& reach);

    MessagePage visitorMessagesAfter(const Visitor& visitor, const std::string& conversationId,
                                     std::int64_t afterSeq, std::size_t limit);
    /// Exactly one of `beforeSeq` / `afterSeq` may be set; with neither, the latest `limit` messages.
    MessagePage agentMessages(const auth::Caller& caller, const std::string& conversationId,
                              std::optional<std::int64_t> beforeSeq, std::optional<std::int64_t> afterSeq,
                              std::size_t limit);

    /// Throws 422 for text that is empty, too long or not UTF-8, or a malformed client_msg_id.
    void validateText(const std::string& text, const std::optional<std::string>& clientMsgId) const;

    static constexpr std::size_t MaxPageSize = 500;
    static constexpr std::size_t MaxClientMsgIdLength = 100;

private:
    /// Validates, then stores `draft` as the next message of the conversation; `mutate` applies the
    /// sender-specific changes to the locked conversation (assignment, first response, unread counters).
    template <class Authorize, class Mutate>
    PostedMessage append(const std::string& conversationId, Message draft, Authorize&& authorize, Mutate&& mutate);
    /// Queues `message` for the visitor's channel when the conversation has one.
    std::optional<handover::OutboxDelivery> queueForVisitorChannel(store::Sql& sql, const Conversation& conversation,
                                                                   const Message& message);
    MessagePage page(store::Sql& sql, const std::string& conversationId, std::optional<std::int64_t> beforeSeq,
                     std::optional<std::int64_t> afterSeq, std::size_t limit);

    store::Database& _database;
    const config::WidgetRegistry& _widgets;
    const common::Clock& _clock;
    limits::RateLimiter& _limiter;
    ConversationEvents& _events;
    ConversationTakenReaction& _taken;
    const std::size_t _maxMessageChars;
    WakeOutbox _wakeOutbox;
    store::ConversationRepository _conversations;
    store::MessageRepository _messages;
    store::HandoverRepository _outbox;
};

} // namespace switchboard::core::conversation
