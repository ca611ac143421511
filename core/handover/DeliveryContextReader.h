#pragma once

#include "core/conversation/Message.h"
#include "core/handover/DeliveryContext.h"
#include "core/store/Sql.h"

#include <switchboard/sdk/DeliveryKind.h>
#include <switchboard/sdk/Recipient.h>

#include <string>

namespace switchboard::core::handover {

/// Reads what a delivery of `kind` to a channel instance carries of its conversation.
class DeliveryContextReader {
public:
    /// The conversation's latest `sdk::historyLength(kind)` messages, the thread reference `channel` gave last, and
    /// whether `recipient` opted out of `channel` (ContactOptOuts), in the caller's one transaction.
    static DeliveryContext read(store::Sql& sql, const std::string& conversationId, const std::string& channel,
                                sdk::DeliveryKind kind, const sdk::Recipient& recipient);

    /// A stored message as channels see it; a sender type the SDK does not know reads as `system`.
    static sdk::ConversationMessage toSdk(const conversation::Message& message);
};

} // namespace switchboard::core::handover
