#include "core/conversation/SystemMessageWriter.h"

#include "core/common/SecureRandom.h"
#include "core/conversation/MessageTotals.h"

#include <stdexcept>

namespace switchboard::core::conversation {

Message SystemMessageWriter::append(store::Sql& sql, Conversation& conversation, const std::string& text,
                                    std::int64_t nowMs) {
    if (text.empty()) throw std::invalid_argument("a system message needs a text");
    Message message;
    message.id = common::SecureRandom::uuid4();
    message.conversationId = conversation.id;
    message.seq = conversation.lastSeq + 1;
    message.senderType = "system";
    message.text = text;
    message.createdAt = nowMs;
    // Without a client_msg_id there is nothing to collide with; the row lock orders the seq.
    _messages.insert(sql, message);
    MessageTotals::add(conversation, message);
    _conversations.saveMessageTotals(sql, conversation);
    return message;
}

} // namespace switchboard::core::conversation
