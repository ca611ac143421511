#pragma once

#include "core/conversation/Conversation.h"
#include "core/conversation/Message.h"
#include "core/store/ConversationRepository.h"
#include "core/store/MessageRepository.h"
#include "core/store/Sql.h"

#include <cstdint>
#include <string>

namespace switchboard::core::conversation {

/// Adds a text the hub tells the visitor ("An agent will join this chat shortly") to the conversation as a
/// message with sender `system`, inside the transaction of the change that causes it, so that the visitor and
/// the agents read the same history and a reload keeps it.
///
/// The caller holds the transaction and the conversation locked (ConversationRepository::findForUpdate), and
/// publishes the returned message once committed (ConversationEvents::messageNew). A system message is unread
/// for nobody: agents count only the visitor's messages, and the visitor reads it at once, in the answer to
/// the action that caused it (the widget adds it to its transcript from there), so neither counter moves.
class SystemMessageWriter {
public:
    /// Stores `text` as the next message of `conversation` at `nowMs`, updates `conversation` in memory and in
    /// the database (MessageTotals) and returns the stored message. Throws std::invalid_argument for empty text.
    Message append(store::Sql& sql, Conversation& conversation, const std::string& text, std::int64_t nowMs);

private:
    store::MessageRepository _messages;
    store::ConversationRepository _conversations;
};

} // namespace switchboard::core::conversation
