#pragma once

#include "core/common/EnumNames.h"
#include "core/handover/OutboxDelivery.h"

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::conversation {

/// How a message sent to the visitor through their external channel stands, as agents see it beside the message.
/// `queued` until the channel accepted it, `sent` once it did (the provider has it), then what the provider's
/// status callbacks say: `delivered`, `read`; `failed` when the outbox gave up or the provider could not deliver.
enum class MessageDeliveryStatus { Queued, Sent, Delivered, Read, Failed };

inline constexpr common::EnumNames<MessageDeliveryStatus, 5> MessageDeliveryStatusNames{{{
    {MessageDeliveryStatus::Queued, "queued"},
    {MessageDeliveryStatus::Sent, "sent"},
    {MessageDeliveryStatus::Delivered, "delivered"},
    {MessageDeliveryStatus::Read, "read"},
    {MessageDeliveryStatus::Failed, "failed"},
}}};

/// The delivery of one message to the visitor's channel (an `agent_message` row of the outbox).
struct MessageDelivery {
    std::string id;
    std::string messageId;
    std::string conversationId;
    /// The channel instance.
    std::string channel;
    MessageDeliveryStatus status = MessageDeliveryStatus::Queued;
    /// Why it failed: the provider's error text (or code), else the outbox's last error.
    std::optional<std::string> error;
    std::int64_t updatedAt = 0;

    /// The status of an outbox row that carries a message.
    static MessageDelivery of(const handover::OutboxDelivery& delivery);
    /// `{"id", "channel", "status", "error", "updated_at"}`.
    Poco::JSON::Object::Ptr toJson() const;
};

} // namespace switchboard::core::conversation
