#pragma once

#include "core/common/Clock.h"
#include "core/config/WidgetRegistry.h"
#include "core/conversation/ConversationEvents.h"
#include "core/conversation/MessageService.h"
#include "core/store/ConversationRepository.h"
#include "core/store/Database.h"
#include "core/store/VisitorRepository.h"

#include <switchboard/sdk/Inbound.h>
#include <switchboard/sdk/InboundOutcome.h>

#include <mutex>
#include <optional>
#include <string>

namespace switchboard::core::conversation {

/// Finds where a message from outside (a visitor's WhatsApp reply, an email) belongs and stores it there: the open
/// conversation it names, else the contact's open conversation in its widget (by the address the channel gives,
/// then the phone and email it knows), else, as the widget's `inbound.unmatched` says, a new conversation for a new
/// visitor, or a refusal. Says what became of it; a repeated external id is stored once. A message through a channel
/// instance that reaches visitors makes it the conversation's visitor channel, at the message's address.
class InboundMessagePoster {
public:
    InboundMessagePoster(store::Database& database, const config::WidgetRegistry& widgets, const common::Clock& clock,
                         ConversationEvents& events, MessageService& messages, const VisitorChannels& channels);

    /// A message that came through channel instance `channel`. Thread-safe. Throws only when the database fails (the
    /// channel's caller answers 5xx and the provider retries).
    sdk::InboundOutcome post(const std::string& channel, const sdk::InboundMessage& inbound);

private:
    struct ContactDetails {
        std::optional<std::string> phone;
        std::optional<std::string> email;
    };

    static ContactDetails contactOf(const sdk::InboundMessage& inbound);
    /// Stores it in `conversationId`; nothing when that conversation is not the widget's or no longer open.
    std::optional<sdk::InboundOutcome> postInto(const std::string& conversationId, const sdk::InboundMessage& inbound,
                                                const std::optional<VisitorChannels::Reach>& reach, bool opened);
    std::optional<std::string> findOpen(const sdk::InboundMessage& inbound, const ContactDetails& contact);
    /// A new visitor with the message's contact details and a pending conversation for them.
    std::string open(const sdk::InboundMessage& inbound, const ContactDetails& contact);

    store::Database& _database;
    const config::WidgetRegistry& _widgets;
    const common::Clock& _clock;
    ConversationEvents& _events;
    MessageService& _messages;
    const VisitorChannels& _channels;
    store::ConversationRepository _conversations;
    store::VisitorRepository _visitors;
    /// Holds back a second message from the same new contact until the first one's conversation exists, so that
    /// both land in it (one node; across nodes two may open two).
    std::mutex _opening;
};

} // namespace switchboard::core::conversation
