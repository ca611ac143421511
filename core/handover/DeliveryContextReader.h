#pragma once

#include "core/conversation/Message.h"
#include "core/handover/OutboxDelivery.h"
#include "core/store/Sql.h"

#include <switchboard/sdk/Delivery.h>

#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::handover {

/// Reads what deliveries carry of their conversations, for a whole batch at once in the caller's one transaction.
class DeliveryContextReader {
public:
    /// One delivery of the batch, and what its channel is handed, to complete.
    struct Part {
        const OutboxDelivery& delivery;
        sdk::Delivery& out;
    };

    /// Completes each part's `out` for its `delivery`: for a kind that carries a message (`agent_message`), the
    /// message, the conversation's widget and visitor, and `delivery`'s address as the recipient's; for every kind,
    /// the conversation's latest `sdk::historyLength(kind)` messages and the thread reference the channel instance
    /// gave last. Returns, for each part, why the delivery may not go to the channel at all, if so: the recipient
    /// opted out of it (ContactOptOuts), or what it carries is gone. A statement per kind of read, not per
    /// delivery, except the message an `agent_message` carries.
    static std::vector<std::optional<std::string>> readAll(store::Sql& sql, const std::vector<Part>& batch);

    /// A stored message as channels see it; a sender type the SDK does not know reads as `system`.
    static sdk::ConversationMessage toSdk(const conversation::Message& message);
};

} // namespace switchboard::core::handover
