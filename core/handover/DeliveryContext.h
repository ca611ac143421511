#pragma once

#include <switchboard/sdk/ConversationMessage.h>

#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::handover {

/// What a delivery carries of its conversation besides the request: the latest messages and the channel's thread.
struct DeliveryContext {
    /// Oldest first.
    std::vector<sdk::ConversationMessage> history;
    /// Empty when the channel instance never returned one for the conversation.
    std::string threadReference;
    /// Why the delivery may not go to the channel at all (the recipient opted out of it), if so.
    std::optional<std::string> refusal;
};

} // namespace switchboard::core::handover
