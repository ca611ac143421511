#pragma once

#include <cstdint>
#include <optional>
#include <string>

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
    std::optional<std::string> clientMsgId;
    std::int64_t createdAt = 0;
    std::optional<std::int64_t> readByAgentAt;
    std::optional<std::int64_t> readByVisitorAt;
};

} // namespace switchboard::core::conversation
