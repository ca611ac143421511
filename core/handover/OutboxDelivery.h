#pragma once

#include "core/handover/DeliveryStatus.h"

#include <switchboard/sdk/DeliveryKind.h>
#include <switchboard/sdk/ProviderStatus.h>

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::handover {

/// One row of the outbox: carrying something of a conversation to one channel instance, attempt after attempt: a
/// handover request, or an agent's message for a visitor reached through the channel.
struct OutboxDelivery {
    /// Also the idempotency id receivers see (`webhook-id`).
    std::string id;
    sdk::DeliveryKind kind = sdk::DeliveryKind::HandoverRequested;
    std::string conversationId;
    /// The handover request it carries; set for `handover_requested` only.
    std::optional<std::string> requestId;
    /// The message it carries (`agent_message`).
    std::optional<std::string> messageId;
    /// Where the channel reaches the visitor, for the kinds that go to the visitor (`agent_message`).
    std::optional<std::string> address;
    std::string channel;
    std::string destination;
    DeliveryStatus status = DeliveryStatus::Pending;
    std::int64_t attempts = 0;
    std::int64_t maxAttempts = 3;
    std::int64_t dueAt = 0;
    std::optional<std::string> leaseOwner;
    std::optional<std::int64_t> leaseUntil;
    std::optional<std::string> lastError;
    std::optional<std::int64_t> responseCode;
    std::optional<std::string> responseExcerpt;
    std::optional<std::string> providerId;
    std::int64_t createdAt = 0;
    std::optional<std::int64_t> deliveredAt;
    std::optional<std::int64_t> failedAt;
    std::int64_t updatedAt = 0;
    /// What the provider last said of it in a status callback, when, and its error for a failure.
    std::optional<sdk::ProviderStatus> providerStatus;
    std::optional<std::int64_t> providerStatusAt;
    std::optional<std::string> providerErrorCode;
    std::optional<std::string> providerErrorText;
};

/// What one attempt at a delivery did.
struct DeliveryAttempt {
    std::string deliveryId;
    std::int64_t attempt = 0;
    std::int64_t startedAt = 0;
    std::int64_t durationMs = 0;
    std::string outcome; // delivered, retry, failed
    std::optional<std::int64_t> statusCode;
    std::optional<std::string> error;
    std::optional<std::string> responseExcerpt;
};

} // namespace switchboard::core::handover
