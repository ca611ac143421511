#pragma once

#include "core/handover/HandoverRequest.h"
#include "core/handover/OutboxDelivery.h"
#include "core/store/Sql.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::store {

struct HandoverRequestFilter {
    /// Empty: every widget.
    std::vector<std::string> widgetIds;
    std::optional<handover::HandoverStatus> status;
    std::optional<std::string> conversationId;
    /// Only requests created before this (the previous page's last `created_at`, `id`).
    std::optional<std::pair<std::int64_t, std::string>> before;
    std::optional<std::int64_t> createdSince;
    std::size_t limit = 50;
};

/// A due delivery and where it goes, for the outbox worker to choose from.
struct DueDelivery {
    std::string id;
    std::string destination;
};

/// A delivery this node holds the lease on, with its handover request if it carries one: what an attempt needs.
struct ClaimedDelivery {
    handover::OutboxDelivery delivery;
    std::optional<handover::HandoverRequest> request;
};

/// What `saveBooking` wrote.
struct BookingWrite {
    /// The delivery was still as expected and is saved, with the attempt.
    bool deliverySaved = false;
    /// The request as stored, when its status was still as expected and it is saved.
    std::optional<handover::HandoverRequest> request;
};

/// Handover requests, their deliveries (the outbox) and the attempts made at them.
class HandoverRepository {
public:
    void insertRequest(Sql& sql, const handover::HandoverRequest& request);
    void saveRequest(Sql& sql, const handover::HandoverRequest& request);
    /// Writes `request` unless its stored status is no longer `expectedStatus`; `attempts` is counted up by one in
    /// the database instead of copied, as other deliveries of the request count there too. The stored request, or
    /// nothing when the status had changed.
    std::optional<handover::HandoverRequest> saveRequestIfStatus(Sql& sql, const handover::HandoverRequest& request,
                                                                 handover::HandoverStatus expectedStatus);
    std::optional<handover::HandoverRequest> findRequest(Sql& sql, const std::string& id);
    /// The writes that book an attempt on what its caller read before: `delivery` as `saveDeliveryIfAttempts`, then,
    /// only if that saved it, `attempt`, and `request` as `saveRequestIfStatus`. One round trip on PostgreSQL.
    BookingWrite saveBooking(Sql& sql, const handover::OutboxDelivery& delivery, std::int64_t expectedAttempts,
                             const handover::DeliveryAttempt& attempt, const handover::HandoverRequest& request,
                             handover::HandoverStatus expectedRequestStatus);
    std::optional<handover::HandoverRequest> findOpenRequest(Sql& sql, const std::string& conversationId);
    /// Newest first.
    std::vector<handover::HandoverRequest> listRequests(Sql& sql, const HandoverRequestFilter& filter);

    void insertDelivery(Sql& sql, const handover::OutboxDelivery& delivery);
    void saveDelivery(Sql& sql, const handover::OutboxDelivery& delivery);
    /// Writes `delivery` if it is still pending after `expectedAttempts` attempts; false when it was booked since.
    bool saveDeliveryIfAttempts(Sql& sql, const handover::OutboxDelivery& delivery, std::int64_t expectedAttempts);
    std::optional<handover::OutboxDelivery> findDelivery(Sql& sql, const std::string& id);
    /// The delivery of channel instance `channel` whose provider gave it `providerId` (the latest, should a provider
    /// give an id twice).
    std::optional<handover::OutboxDelivery> findDeliveryByProviderId(Sql& sql, const std::string& channel,
                                                                     const std::string& providerId);
    /// Writes the provider status, its time and error of `delivery` if its stored provider status is still
    /// `expected`; false when a callback wrote one since. The outbox's writes never touch these columns.
    bool saveProviderStatus(Sql& sql, const handover::OutboxDelivery& delivery,
                            const std::optional<sdk::ProviderStatus>& expected);
    std::vector<handover::OutboxDelivery> deliveriesOf(Sql& sql, const std::string& requestId);
    /// The deliveries of the conversation's messages numbered `fromSeq` to `toSeq`, oldest first.
    std::vector<handover::OutboxDelivery> messageDeliveries(Sql& sql, const std::string& conversationId,
                                                            std::int64_t fromSeq, std::int64_t toSeq);

    /// Pending deliveries due at `nowMs` and not leased, oldest due first, skipping `busyDestinations`.
    std::vector<DueDelivery> dueDeliveries(Sql& sql, std::int64_t nowMs, std::size_t limit,
                                           const std::vector<std::string>& busyDestinations = {});
    /// Takes the lease on a due delivery unless another worker holds it; true when this one got it.
    bool claim(Sql& sql, const std::string& deliveryId, const std::string& owner, std::int64_t leaseUntil,
               std::int64_t nowMs);
    /// Takes the lease, as `claim` does, on each of `deliveryIds` it can; returns those with their requests.
    std::vector<ClaimedDelivery> claimAll(Sql& sql, const std::vector<std::string>& deliveryIds,
                                          const std::string& owner, std::int64_t leaseUntil, std::int64_t nowMs);
    /// Ends `owner`'s lease on a delivery it claimed but did not attempt; false when it no longer holds one.
    bool releaseLease(Sql& sql, const std::string& deliveryId, const std::string& owner);
    /// Ends every lease `owner` holds: a restarted node takes back at once what it held when it stopped.
    std::size_t releaseLeases(Sql& sql, const std::string& owner);
    /// The earliest `due_at` after `nowMs` among pending deliveries, to sleep until.
    std::optional<std::int64_t> nextDueAfter(Sql& sql, std::int64_t nowMs);

    void insertAttempt(Sql& sql, const handover::DeliveryAttempt& attempt);
    std::vector<handover::DeliveryAttempt> attemptsOf(Sql& sql, const std::string& deliveryId);
};

} // namespace switchboard::core::store
