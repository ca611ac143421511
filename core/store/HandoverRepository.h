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
    std::optional<std::string> status;
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

/// Handover requests, their deliveries (the outbox) and the attempts made at them.
class HandoverRepository {
public:
    void insertRequest(Sql& sql, const handover::HandoverRequest& request);
    void saveRequest(Sql& sql, const handover::HandoverRequest& request);
    std::optional<handover::HandoverRequest> findRequest(Sql& sql, const std::string& id);
    std::optional<handover::HandoverRequest> findOpenRequest(Sql& sql, const std::string& conversationId);
    /// Newest first.
    std::vector<handover::HandoverRequest> listRequests(Sql& sql, const HandoverRequestFilter& filter);

    void insertDelivery(Sql& sql, const handover::OutboxDelivery& delivery);
    void saveDelivery(Sql& sql, const handover::OutboxDelivery& delivery);
    std::optional<handover::OutboxDelivery> findDelivery(Sql& sql, const std::string& id);
    std::vector<handover::OutboxDelivery> deliveriesOf(Sql& sql, const std::string& requestId);

    /// Pending deliveries due at `nowMs` and not leased, oldest due first, skipping `busyDestinations`.
    std::vector<DueDelivery> dueDeliveries(Sql& sql, std::int64_t nowMs, std::size_t limit,
                                           const std::vector<std::string>& busyDestinations = {});
    /// Takes the lease on a due delivery unless another worker holds it; true when this one got it.
    bool claim(Sql& sql, const std::string& deliveryId, const std::string& owner, std::int64_t leaseUntil,
               std::int64_t nowMs);
    /// Ends every lease `owner` holds: a restarted node takes back at once what it held when it stopped.
    std::size_t releaseLeases(Sql& sql, const std::string& owner);
    /// The earliest `due_at` (or expiring lease) among pending deliveries, to sleep until.
    std::optional<std::int64_t> nextDueAt(Sql& sql);

    void insertAttempt(Sql& sql, const handover::DeliveryAttempt& attempt);
    std::vector<handover::DeliveryAttempt> attemptsOf(Sql& sql, const std::string& deliveryId);
};

} // namespace switchboard::core::store
