#pragma once

#include "core/common/Clock.h"
#include "core/common/WorkerPool.h"
#include "core/config/WidgetRegistry.h"
#include "core/handover/DeliveryLedger.h"
#include "core/handover/RetrySchedule.h"
#include "core/store/Database.h"
#include "core/store/HandoverRepository.h"

#include <switchboard/sdk/Delivery.h>
#include <switchboard/sdk/DeliveryResult.h>

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace switchboard::core::handover {

/// Delivers the outbox: claims due deliveries with a lease, hands each to its channel on a pool of threads, and
/// books the outcome. At least once: a delivery whose worker died is claimed again when its lease runs out, and a
/// restarted node takes back its own leases at once.
///
/// Concurrency is bounded overall and per destination (a receiver's host), so a slow receiver ties up at most
/// `perDestination` threads and never delays the others.
class OutboxWorker {
public:
    /// Calls the channel instance `channel` (guarded: never throws, never exceeds its time limit).
    using Deliver = std::function<sdk::DeliveryResult(const std::string& channel, const sdk::Delivery& delivery)>;
    /// Told of every booked attempt, after its transaction (to announce the request's new state).
    using OnBooked = std::function<void(const DeliveryLedger::Booked& booked)>;

    struct Settings {
        /// Names this node in leases; stable across restarts of the node.
        std::string owner;
        std::size_t concurrency = 32;
        std::size_t perDestination = 4;
        /// Longer than a channel call may take, or a slow call would be delivered twice.
        std::int64_t leaseMs = 90'000;
        /// Longest sleep between looks at the outbox (other nodes add rows this node is not woken for).
        std::int64_t pollMs = 1'000;
    };

    OutboxWorker(store::Database& database, const config::WidgetRegistry& widgets, const common::Clock& clock,
                 const RetrySchedule& schedule, Deliver deliver, OnBooked onBooked, Settings settings);
    ~OutboxWorker();
    OutboxWorker(const OutboxWorker&) = delete;
    OutboxWorker& operator=(const OutboxWorker&) = delete;

    /// Takes back this node's leases, then dispatches on a thread of its own until stop().
    void start();
    /// Stops dispatching and waits for the calls in flight.
    void stop();
    /// Something became due (a new request, a retry asked for): look now.
    void wake();

    /// One look at the outbox: claims what is due, as far as capacity allows, and starts it; returns how many.
    std::size_t dispatchDue();
    /// Blocks until no call is in flight (for tests and shutdown).
    void waitIdle();
    std::size_t inFlight() const;

private:
    void run();
    void attempt(const std::string& deliveryId);
    sdk::Delivery describe(const HandoverRequest& request, const OutboxDelivery& delivery,
                           std::optional<std::string>& missingMethod) const;
    void finished(const std::string& destination);
    std::chrono::milliseconds nextWait();

    store::Database& _database;
    const config::WidgetRegistry& _widgets;
    const common::Clock& _clock;
    const RetrySchedule& _schedule;
    Deliver _deliver;
    OnBooked _onBooked;
    const Settings _settings;
    DeliveryLedger _ledger;
    store::HandoverRepository _repository;

    mutable std::mutex _mutex;
    std::condition_variable _changed;
    bool _woken = false;
    bool _stopping = false;
    std::size_t _inFlight = 0;
    std::map<std::string, std::size_t> _inFlightByDestination;
    common::WorkerPool _pool;
    std::thread _dispatcher;
};

} // namespace switchboard::core::handover
