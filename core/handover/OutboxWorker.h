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

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace switchboard::core::handover {

/// Delivers the outbox: claims due deliveries with a lease, hands each to its channel on a pool of threads, and
/// books the outcome. At least once: a delivery whose worker died is claimed again when its lease runs out, and a
/// restarted node takes back its own leases at once.
///
/// Concurrency is bounded overall and per destination (a receiver's host), so a slow receiver ties up at most
/// `perDestination` threads and never delays the others. A destination's slot covers the channel call only: the
/// outcome is booked after the slot is free again.
///
/// A destination that answers quickly gets deliveries claimed ahead of its free slots; when one of its calls ends,
/// the next claimed delivery starts at once instead of waiting for a look at the outbox. How many are claimed ahead
/// follows the destination's recent call times, so that none waits longer than `readyWaitMs`; one that does is
/// handed back unattempted.
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
        /// Longest a delivery claimed ahead waits for its destination's slot before it is handed back. The lease
        /// must outlast a call by more than this (hub.yaml keeps it a second longer than the call limit).
        std::int64_t readyWaitMs = 500;
    };

    OutboxWorker(store::Database& database, const config::WidgetRegistry& widgets, const common::Clock& clock,
                 const RetrySchedule& schedule, Deliver deliver, OnBooked onBooked, Settings settings);
    ~OutboxWorker();
    OutboxWorker(const OutboxWorker&) = delete;
    OutboxWorker& operator=(const OutboxWorker&) = delete;

    /// Takes back this node's leases, then dispatches on a thread of its own until stop().
    void start();
    /// Stops dispatching, waits for the calls in flight, and hands back what was claimed ahead.
    void stop();
    /// Something became due (a new request, a retry asked for): look now.
    void wake();

    /// One look at the outbox: claims what is due, as far as capacity allows, and starts what it can; returns how
    /// many calls it started.
    std::size_t dispatchDue();
    /// Blocks until no call is in flight (for tests and shutdown).
    void waitIdle();
    std::size_t inFlight() const;
    /// Deliveries claimed ahead and waiting for their destination's slot.
    std::size_t claimedAhead() const;

private:
    /// Least time between two looks at the outbox that follow at once on a full page of candidates.
    static constexpr std::chrono::milliseconds LookAgainSpacing{100};

    /// A claimed delivery not started yet, with what its channel is handed as read when it was claimed.
    struct Ready {
        store::ClaimedDelivery claimed;
        sdk::Delivery described;
        /// Why it may not be handed over at all (the recipient opted out of the channel, what it carries is gone).
        std::optional<std::string> refusal;
        std::int64_t claimedAtMs = 0;
    };

    struct Destination {
        std::size_t calling = 0;
        std::deque<Ready> ready;
        /// Moving average of recent call times; unknown until a call has ended.
        std::optional<double> callMs;
    };

    /// What one look at the outbox did.
    struct Pass {
        std::size_t started = 0;
        /// Due deliveries may remain that this pass did not see, and there is room to start them.
        bool lookAgain = false;
    };

    void run();
    Pass dispatchPass();
    /// Claimed deliveries a destination may hold beyond its free slots.
    std::size_t aheadLimit(const Destination& destination) const;
    /// Starts ready deliveries while slots and threads allow; stale ones are set aside to be handed back.
    std::size_t launchLocked();
    void handBack(const std::vector<std::string>& deliveryIds);
    void attempt(Ready& ready);
    /// A warning naming the request, the delivery, the attempt and the error, and whether it is retried or failed.
    void logProblem(const DeliveryLedger::Booked& booked, const sdk::DeliveryResult& result) const;
    /// What the channel is handed of the delivery and its request, before its conversation is read.
    static sdk::Delivery describe(const store::ClaimedDelivery& claimed);
    /// Completes what a claimed batch carries of its conversations (DeliveryContextReader), in one session. Should
    /// that fail, the batch is handed back and the error thrown.
    void readContexts(std::vector<Ready>& batch);
    /// The widget's method settings for `out`; why the delivery may not go if the widget no longer has the method of
    /// its request.
    std::optional<std::string> chooseMethod(const store::ClaimedDelivery& claimed, sdk::Delivery& out) const;
    /// The channel call to `destination` is over; `callMs` is how long it took, when a call was made.
    void callEnded(const std::string& destination, std::optional<double> callMs);
    /// The attempt is booked (or given up): its thread is free.
    void finished();
    std::chrono::milliseconds nextWait();
    std::chrono::milliseconds lookAgainWait();

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
    /// The dispatcher is in a pass, working from counts that a call ending now makes stale.
    bool _passing = false;
    bool _stopping = false;
    /// Calls and bookings running, each on a pool thread.
    std::size_t _inFlight = 0;
    std::map<std::string, Destination> _destinations;
    /// Claimed deliveries that waited too long for their slot, to be handed back by the dispatcher.
    std::vector<std::string> _stale;
    /// Dispatcher thread only.
    std::chrono::steady_clock::time_point _lastLookAgain{};
    common::WorkerPool _pool;
    std::thread _dispatcher;
};

} // namespace switchboard::core::handover
