#pragma once

#include "core/conversation/Message.h"
#include "core/handover/OutboxDelivery.h"
#include "core/store/Sql.h"

#include <switchboard/sdk/Delivery.h>

#include <optional>
#include <string>

namespace switchboard::core::handover {

/// Reads what a delivery carries of its conversation, in the caller's one transaction.
class DeliveryContextReader {
public:
    /// Completes `out` for `delivery`: for a kind that carries a message (`agent_message`), the message, the
    /// conversation's widget and visitor, and `delivery`'s address as the recipient's; for every kind, the
    /// conversation's latest `sdk::historyLength(kind)` messages and the thread reference the channel instance gave
    /// last. Returns why the delivery may not go to the channel at all, if so: the recipient opted out of it
    /// (ContactOptOuts), or what it carries is gone.
    static std::optional<std::string> read(store::Sql& sql, const OutboxDelivery& delivery, sdk::Delivery& out);

    /// A stored message as channels see it; a sender type the SDK does not know reads as `system`.
    static sdk::ConversationMessage toSdk(const conversation::Message& message);
};

} // namespace switchboard::core::handover
