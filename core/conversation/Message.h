#pragma once

#include "core/conversation/MessageAttachment.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::conversation {

struct Message {
    std::string id;
    std::string conversationId;
    /// Position in the conversation, assigned in the transaction that stores the message.
    std::int64_t seq = 0;
    std::string senderType; // visitor, agent, bot, system
    std::optional<std::string> senderId;
    std::optional<std::string> senderName;
    std::string text;
    /// None yet: see MessageAttachment.
    std::vector<MessageAttachment> attachments;
    std::optional<std::string> clientMsgId;
    std::int64_t createdAt = 0;
    std::optional<std::int64_t> readByAgentAt;
    std::optional<std::int64_t> readByVisitorAt;
};

} // namespace switchboard::core::conversation
