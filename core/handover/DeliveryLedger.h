#pragma once

#include "core/common/Clock.h"
#include "core/handover/HandoverRequest.h"
#include "core/handover/OutboxDelivery.h"
#include "core/store/ChannelThreadRepository.h"
#include "core/store/Database.h"
#include "core/store/GroupCommitQueue.h"
#include "core/store/HandoverRepository.h"

#include <switchboard/sdk/DeliveryResult.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::handover {

/// Books what an attempt at a delivery did, in one transaction: the attempt row, the delivery's new state
/// (delivered, due again after `retryDelayMs`, or failed for good once `max_attempts` are spent) and, for a
/// delivery that carries a handover request, the request's status (`notified` on its first delivery, `completed`
/// when the channel confirmed a person, `failed` once all of its deliveries failed).
///
/// An attempt that brings the delivery and request as they were when it was claimed is booked on them without
/// reading them again; a write finds out when they changed since, and the booking then goes by what is stored.
///
/// Attempts booked at the same time from several threads share one transaction: while one caller books, the others
/// queue, and the next of them books all that queued meanwhile. Should that transaction fail, each is booked on its
/// own, so that one attempt never keeps another from being booked.
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
        /// The delivery and its request as claimed for this attempt, when the caller has them.
        std::optional<OutboxDelivery> claimed = std::nullopt;
        std::optional<HandoverRequest> claimedRequest = std::nullopt;
    };

    struct Booked {
        OutboxDelivery delivery;
        /// The handover request the delivery carries, if it carries one.
        std::optional<HandoverRequest> request;
        /// The request's status changed.
        bool requestChanged = false;
    };

    DeliveryLedger(store::Database& database, const common::Clock& clock);

    /// Nothing when the delivery is no longer pending (another worker booked it after this one's lease ran out).
    /// Thread-safe.
    std::optional<Booked> book(const Attempt& attempt);

    /// A failed request goes back to `pending` and each failed delivery gets `extraAttempts` more, due now.
    /// Throws 409 unless the request failed.
    HandoverRequest retry(const std::string& requestId, std::int64_t extraAttempts);

    /// Cuts `text` to at most MaxExcerptBytes without splitting a UTF-8 sequence.
    static std::string excerpt(const std::string& text);

private:
    /// Bounds one shared booking transaction, and with it the wait of its last caller.
    static constexpr std::size_t MaxBookingBatch = 64;

    void bookTogether(const std::vector<store::GroupCommitQueue::Job*>& batch);
    std::optional<Booked> bookIn(store::Sql& sql, const Attempt& attempt);

    store::Database& _database;
    const common::Clock& _clock;
    store::HandoverRepository _repository;
    store::ChannelThreadRepository _threads;
    store::GroupCommitQueue _bookings;
};

} // namespace switchboard::core::handover
