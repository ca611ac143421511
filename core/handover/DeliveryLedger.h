#pragma once

#include "core/common/Clock.h"
#include "core/handover/HandoverRequest.h"
#include "core/handover/OutboxDelivery.h"
#include "core/store/Database.h"
#include "core/store/HandoverRepository.h"

#include <switchboard/sdk/DeliveryResult.h>

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::handover {

/// Books what an attempt at a delivery did, in one transaction: the attempt row, the delivery's new state
/// (delivered, due again after `retryDelayMs`, or failed for good once `max_attempts` are spent) and the request's
/// status (`notified` on its first delivery, `completed` when the channel confirmed a person, `failed` once all of
/// its deliveries failed).
class DeliveryLedger {
public:
    /// Stored of a provider's answer, at most.
    static constexpr std::size_t MaxExcerptBytes = 512;

    struct Attempt {
        std::string deliveryId;
        std::int64_t startedAtMs = 0;
        std::int64_t durationMs = 0;
        sdk::DeliveryResult result;
        /// Wait before the next attempt, should this one call for a retry.
        std::int64_t retryDelayMs = 0;
    };

    struct Booked {
        OutboxDelivery delivery;
        HandoverRequest request;
        /// The request's status changed.
        bool requestChanged = false;
    };

    DeliveryLedger(store::Database& database, const common::Clock& clock);

    /// Nothing when the delivery is no longer pending (another worker booked it after this one's lease ran out).
    std::optional<Booked> book(const Attempt& attempt);

    /// A failed request goes back to `pending` and each failed delivery gets `extraAttempts` more, due now.
    /// Throws 409 unless the request failed.
    HandoverRequest retry(const std::string& requestId, std::int64_t extraAttempts);

    /// Cuts `text` to at most MaxExcerptBytes without splitting a UTF-8 sequence.
    static std::string excerpt(const std::string& text);

private:
    store::Database& _database;
    const common::Clock& _clock;
    store::HandoverRepository _repository;
};

} // namespace switchboard::core::handover
