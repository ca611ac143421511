#include "core/handover/OutboxWorker.h"

#include "core/handover/AttemptOutcome.h"
#include "core/handover/DeliveryContextReader.h"

#include <Poco/Logger.h>

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <utility>

namespace switchboard::core::handover {

namespace {

/// Weight of the latest call in a destination's moving average of call times.
constexpr double LatestCallWeight = 0.2;

Poco::Logger& logger() { return Poco::Logger::get("outbox"); }

} // namespace

OutboxWorker::OutboxWorker(store::Database& database, const config::WidgetRegistry& widgets,
                           const common::Clock& clock, const RetrySchedule& schedule, Deliver deliver,
                           OnBooked onBooked, Settings settings)
    : _database(database), _widgets(widgets), _clock(clock), _schedule(schedule), _deliver(std::move(deliver)),
      _onBooked(std::move(onBooked)), _settings(std::move(settings)), _ledger(database, clock),
      _pool("outbox-worker", _settings.concurrency, common::WorkerPool::Bounds{_settings.concurrency, 0}, clock) {}

OutboxWorker::~OutboxWorker() { stop(); }

void OutboxWorker::start() {
    try {
        const auto released = _database.write([&](store::Sql& sql) { return _repository.releaseLeases(sql, _settings.owner); });
        if (released > 0) logger().information("took back %z deliveries this node held when it stopped", released);
    } catch (const std::exception& e) {
        // Their leases run out instead.
        logger().warning("could not take back this node's deliveries: %s", std::string(e.what()));
    }
    _dispatcher = std::thread([this] { run(); });
    pthread_setname_np(_dispatcher.native_handle(), "outbox");
}

void OutboxWorker::stop() {
    {
        std::lock_guard lock(_mutex);
        if (_stopping && !_dispatcher.joinable()) return;
        _stopping = true;
    }
    _changed.notify_all();
    if (_dispatcher.joinable()) _dispatcher.join();
    waitIdle();
    std::vector<std::string> unstarted;
    {
        std::lock_guard lock(_mutex);
        unstarted.swap(_stale);
        for (auto& [name, destination] : _destinations) {
            for (const auto& ready : destination.ready) unstarted.push_back(ready.claimed.delivery.id);
            destination.ready.clear();
        }
    }
    handBack(unstarted);
}

void OutboxWorker::wake() {
    {
        std::lock_guard lock(_mutex);
        _woken = true;
    }
    _changed.notify_all();
}

std::size_t OutboxWorker::inFlight() const {
    std::lock_guard lock(_mutex);
    return _inFlight;
}

std::size_t OutboxWorker::claimedAhead() const {
    std::lock_guard lock(_mutex);
    std::size_t count = 0;
    for (const auto& [name, destination] : _destinations) count += destination.ready.size();
    return count;
}

void OutboxWorker::waitIdle() {
    std::unique_lock lock(_mutex);
    _changed.wait(lock, [this] { return _inFlight == 0; });
}

void OutboxWorker::run() {
    std::unique_lock lock(_mutex);
    while (!_stopping) {
        _woken = false;
        _passing = true;
        lock.unlock();
        std::chrono::milliseconds wait(_settings.pollMs);
        try {
            wait = dispatchPass().lookAgain ? lookAgainWait() : nextWait();
        } catch (const std::exception& e) {
            // The database is unreachable: nothing is lost, the rows wait for it.
            logger().warning("outbox pass failed: %s", std::string(e.what()));
        }
        lock.lock();
        _passing = false;
        _changed.wait_for(lock, wait, [this] { return _stopping || _woken; });
    }
}

// Deliveries due now that wait for a thread or for a busy destination are not counted here: the end of a call or
// of an attempt wakes the dispatcher for them. Leases of other nodes that run out are noticed by the next poll.
std::chrono::milliseconds OutboxWorker::nextWait() {
    const auto now = _clock.nowMs();
    const auto next = _database.read([&](store::Sql& sql) { return _repository.nextDueAfter(sql, now); });
    if (!next) return std::chrono::milliseconds(_settings.pollMs);
    return std::chrono::milliseconds(std::clamp<std::int64_t>(*next - now, 0, _settings.pollMs));
}

// Looking again excludes the destinations that just filled up, which scans past all their due deliveries: with a
// backlog that costs, so it is done at once only if the last time was a while ago.
std::chrono::milliseconds OutboxWorker::lookAgainWait() {
    const auto now = std::chrono::steady_clock::now();
    const auto since = std::chrono::duration_cast<std::chrono::milliseconds>(now - _lastLookAgain);
    if (since >= LookAgainSpacing) {
        _lastLookAgain = now;
        return std::chrono::milliseconds(0);
    }
    return std::min(nextWait(), LookAgainSpacing - since);
}

std::size_t OutboxWorker::dispatchDue() { return dispatchPass().started; }

std::size_t OutboxWorker::aheadLimit(const Destination& destination) const {
    if (!destination.callMs) return 0;
    // With perDestination calls in parallel, the n-th delivery claimed ahead waits about n / perDestination calls;
    // half the allowed wait leaves room for calls slower than the average.
    const double callMs = std::max(*destination.callMs, 0.01);
    const auto fitting = static_cast<double>(_settings.readyWaitMs) * static_cast<double>(_settings.perDestination) /
                         (2 * callMs);
    return static_cast<std::size_t>(std::min(fitting, static_cast<double>(_settings.concurrency)));
}

std::size_t OutboxWorker::launchLocked() {
    if (_stopping) return 0;
    const auto now = _clock.nowMs();
    std::size_t launched = 0;
    while (_inFlight < _settings.concurrency) {
        // The destination whose next delivery was claimed first goes first.
        Destination* next = nullptr;
        for (auto& [name, destination] : _destinations) {
            auto& ready = destination.ready;
            while (!ready.empty() && now - ready.front().claimedAtMs > _settings.readyWaitMs) {
                _stale.push_back(ready.front().claimed.delivery.id);
                ready.pop_front();
            }
            if (ready.empty() || destination.calling >= _settings.perDestination) continue;
            if (!next || ready.front().claimedAtMs < next->ready.front().claimedAtMs) next = &destination;
        }
        if (!next) break;
        auto ready = std::move(next->ready.front());
        next->ready.pop_front();
        ++next->calling;
        ++_inFlight;
        ++launched;
        // Never refused: the pool's queue holds `concurrency` tasks and no more are ever in flight.
        _pool.submit([this, ready = std::move(ready)]() mutable {
            attempt(ready);
            finished();
        });
    }
    if (!_stale.empty()) _woken = true;
    return launched;
}

OutboxWorker::Pass OutboxWorker::dispatchPass() {
    /// How many more deliveries a destination may be given in this pass.
    struct Room {
        std::size_t left = 0;
        /// Deliveries beyond its free slots wait for them; without claiming ahead each one needs a thread now.
        bool claimsAhead = false;
    };

    const auto now = _clock.nowMs();
    std::vector<std::string> stale;
    std::vector<std::string> busy;
    std::map<std::string, Room> rooms;
    std::size_t threads;
    std::size_t limit;
    {
        std::lock_guard lock(_mutex);
        launchLocked();
        stale.swap(_stale);
        threads = _settings.concurrency - _inFlight;
        limit = threads;
        for (const auto& [name, destination] : _destinations) {
            const auto ahead = aheadLimit(destination);
            const auto held = destination.calling + destination.ready.size();
            const auto most = _settings.perDestination + ahead;
            const Room room{held < most ? most - held : 0, ahead > 0};
            rooms[name] = room;
            if (room.left == 0) busy.push_back(name);
            else if (room.claimsAhead) limit += std::min(room.left, ahead);
        }
    }
    handBack(stale);
    if (limit == 0) return {};

    const auto due = _database.read([&](store::Sql& sql) { return _repository.dueDeliveries(sql, now, limit, busy); });
    std::vector<store::DueDelivery> chosen;
    for (const auto& candidate : due) {
        auto& room = rooms.try_emplace(candidate.destination, Room{_settings.perDestination, false}).first->second;
        if (room.left == 0) continue;
        if (!room.claimsAhead) {
            if (threads == 0) continue;
            --threads;
        }
        --room.left;
        chosen.push_back(candidate);
    }
    if (chosen.empty()) return {};

    std::vector<std::string> ids;
    ids.reserve(chosen.size());
    for (const auto& candidate : chosen) ids.push_back(candidate.id);
    auto claimed = _database.write(
        [&](store::Sql& sql) { return _repository.claimAll(sql, ids, _settings.owner, now + _settings.leaseMs, now); });
    std::vector<Ready> batch;
    batch.reserve(claimed.size());
    for (auto& delivery : claimed) {
        auto described = describe(delivery);
        batch.push_back({std::move(delivery), std::move(described), std::nullopt, now});
    }
    readContexts(batch);
    std::size_t started;
    {
        std::lock_guard lock(_mutex);
        for (auto& ready : batch) _destinations[ready.claimed.delivery.destination].ready.push_back(std::move(ready));
        started = launchLocked();
    }
    // A full page of candidates may hide due deliveries to other destinations behind those that just filled up,
    // and a delivery another node claimed first leaves room this pass did not use.
    return {started, (!claimed.empty() && due.size() == limit) || claimed.size() < chosen.size()};
}

void OutboxWorker::handBack(const std::vector<std::string>& deliveryIds) {
    if (deliveryIds.empty()) return;
    try {
        _database.write([&](store::Sql& sql) {
            for (const auto& id : deliveryIds) _repository.releaseLease(sql, id, _settings.owner);
        });
    } catch (const std::exception& e) {
        logger().warning("could not hand back %z claimed deliveries, their leases run out instead: %s",
                         deliveryIds.size(), std::string(e.what()));
    }
}

void OutboxWorker::callEnded(const std::string& name, std::optional<double> callMs) {
    {
        std::lock_guard lock(_mutex);
        auto& destination = _destinations[name];
        if (callMs) {
            destination.callMs = destination.callMs
                                     ? (1 - LatestCallWeight) * *destination.callMs + LatestCallWeight * *callMs
                                     : *callMs;
        }
        const bool wasFull = destination.calling-- >= _settings.perDestination;
        launchLocked();
        // Look at the outbox again when this destination has room to fill: deliveries claimed ahead running low, or a
        // free slot nothing was claimed for, which a running pass may have counted as taken.
        const auto ahead = aheadLimit(destination);
        if (destination.ready.size() * 2 < ahead ||
            (destination.ready.empty() && (wasFull || (_passing && ahead == 0))))
            _woken = true;
    }
    _changed.notify_all();
}

void OutboxWorker::finished() {
    {
        std::lock_guard lock(_mutex);
        const bool wasFull = _inFlight-- == _settings.concurrency;
        launchLocked();
        if (wasFull) _woken = true;
    }
    _changed.notify_all();
}

sdk::Delivery OutboxWorker::describe(const store::ClaimedDelivery& claimed) {
    const auto& [delivery, request] = claimed;
    sdk::Delivery out;
    out.id = delivery.id;
    out.attempt = static_cast<int>(delivery.attempts + 1);
    out.kind = delivery.kind;
    out.conversationId = delivery.conversationId;
    if (!request) return out;
    out.occurredAtMs = request->createdAt;
    out.requestId = request->id;
    out.method = request->method;
    out.widgetId = request->widgetId;
    out.recipient.visitor = {request->visitorName.value_or(""), request->visitorEmail.value_or(""),
                             request->visitorPhone.value_or("")};
    if (request->visitorMessage) {
        // What the visitor wrote when asking is kept with the request, not among the conversation's messages.
        sdk::ConversationMessage asked;
        asked.id = request->id;
        asked.senderType = sdk::SenderType::Visitor;
        asked.senderName = out.recipient.visitor.name;
        asked.text = *request->visitorMessage;
        asked.sentAtMs = request->createdAt;
        out.messages.push_back(std::move(asked));
    }
    return out;
}

void OutboxWorker::readContexts(std::vector<Ready>& batch) {
    std::vector<DeliveryContextReader::Part> parts;
    parts.reserve(batch.size());
    for (auto& ready : batch) parts.push_back({ready.claimed.delivery, ready.described});
    try {
        const auto refusals =
            _database.read([&](store::Sql& sql) { return DeliveryContextReader::readAll(sql, parts); });
        for (std::size_t i = 0; i < batch.size(); ++i) batch[i].refusal = refusals[i];
    } catch (const std::exception&) {
        std::vector<std::string> ids;
        ids.reserve(batch.size());
        for (const auto& ready : batch) ids.push_back(ready.claimed.delivery.id);
        handBack(ids);
        throw;
    }
}

std::optional<std::string> OutboxWorker::chooseMethod(const store::ClaimedDelivery& claimed,
                                                      sdk::Delivery& out) const {
    const auto& [delivery, request] = claimed;
    const auto widget = _widgets.find(out.widgetId);
    if (request) {
        const auto missing = "the widget no longer has the handover method \"" + request->method + "\"";
        if (!widget) return missing;
        std::optional<std::string> refusal = missing;
        for (const auto& method : widget->handover.methods) {
            if (method.name != request->method) continue;
            out.methodSettings = method.settings;
            refusal.reset();
        }
        return refusal;
    }
    // Other kinds go through the widget's handover method backed by this channel instance, if it has one, for the
    // settings that differ per widget (a sender number, a from address).
    if (!widget) return std::nullopt;
    for (const auto& method : widget->handover.methods) {
        if (method.channel != delivery.channel) continue;
        out.method = method.name;
        out.methodSettings = method.settings;
        break;
    }
    return std::nullopt;
}

void OutboxWorker::logProblem(const DeliveryLedger::Booked& booked, const sdk::DeliveryResult& result) const {
    const auto& delivery = booked.delivery;
    const bool givenUp = delivery.status == DeliveryStatus::Failed;
    const auto subject = booked.request ? "request " + booked.request->id
                                        : std::string(sdk::toString(delivery.kind)) + " of conversation " +
                                              delivery.conversationId;
    logger().warning("%s, delivery %s through %s, attempt %s of %s: %s: %s", subject, delivery.id,
                     delivery.channel, std::to_string(delivery.attempts), std::to_string(delivery.maxAttempts),
                     std::string(AttemptOutcomeNames.name(givenUp ? sdk::DeliveryResult::Outcome::Failed
                                                                  : sdk::DeliveryResult::Outcome::Retry)),
                     result.detail);
}

void OutboxWorker::attempt(Ready& ready) {
    const auto& [delivery, request] = ready.claimed;
    std::optional<double> callMs;
    bool calling = true;
    const auto endCall = [&] {
        if (std::exchange(calling, false)) callEnded(delivery.destination, callMs);
    };
    try {
        auto& described = ready.described;
        auto& refusal = ready.refusal;
        if (!refusal) refusal = chooseMethod(ready.claimed, described);
        const auto startedAt = _clock.nowMs();
        const auto started = std::chrono::steady_clock::now();
        const auto result = refusal ? sdk::DeliveryResult::failed(*refusal) : _deliver(delivery.channel, described);
        const auto elapsed = std::chrono::steady_clock::now() - started;
        if (!refusal) callMs = std::chrono::duration<double, std::milli>(elapsed).count();
        endCall();
        const auto durationMs = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
        const auto booked = _ledger.book({delivery.id, startedAt, durationMs, result,
                                          _schedule.delayMs(delivery.attempts + 1, result.retryAfterMs), delivery,
                                          request});
        if (booked) {
            if (result.outcome != sdk::DeliveryResult::Outcome::Delivered) logProblem(*booked, result);
            _onBooked(*booked);
        }
    } catch (const std::exception& e) {
        // Not booked: the lease runs out and the delivery is tried again.
        logger().error("delivery %s could not be attempted: %s", delivery.id, std::string(e.what()));
    }
    endCall();
}

} // namespace switchboard::core::handover
