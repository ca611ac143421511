#pragma once

#include "switchboard/sdk/Attachment.h"
#include "switchboard/sdk/SenderType.h"

#include <cstdint>
#include <string>
#include <vector>

namespace switchboard::sdk {

/// One message of a conversation, as a channel receives it.
struct ConversationMessage {
    /// The hub's id of the message; stable, so a channel may de-duplicate on it.
    std::string id;
    SenderType senderType = SenderType::Visitor;
    /// The name the sender is shown by ("Ada Lovelace", an agent's display name); may be empty.
    std::string senderName;
    std::string text;
    /// When it was written, milliseconds since the Unix epoch (UTC).
    std::int64_t sentAtMs = 0;
    /// Empty for now: the hub does not take files yet.
    std::vector<Attachment> attachments;
};

} // namespace switchboard::sdk
