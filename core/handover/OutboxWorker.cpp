#include "core/handover/OutboxWorker.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <chrono>

namespace switchboard::core::handover {

namespace {

const std::string HandoverEvent = "agent_handover_requested";

Poco::Logger& logger() { return Poco::Logger::get("outbox"); }

} // namespace

OutboxWorker::OutboxWorker(store::Database& database, const config::WidgetRegistry& widgets,
                           const common::Clock& clock, const RetrySchedule& schedule, Deliver deliver,
                           OnBooked onBooked, Settings settings)
    : _database(database), _widgets(widgets), _clock(clock), _schedule(schedule), _deliver(std::move(deliver)),
      _onBooked(std::move(onBooked)), _settings(std::move(settings)), _ledger(database, clock),
      _pool(_settings.concurrency, _settings.concurrency) {}

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

void OutboxWorker::waitIdle() {
    std::unique_lock lock(_mutex);
    _changed.wait(lock, [this] { return _inFlight == 0; });
}

void OutboxWorker::run() {
    std::unique_lock lock(_mutex);
    while (!_stopping) {
        _woken = false;
        lock.unlock();
        std::chrono::milliseconds wait(_settings.pollMs);
        try {
            dispatchDue();
            wait = nextWait();
        } catch (const std::exception& e) {
            // The database is unreachable: nothing is lost, the rows wait for it.
            logger().warning("outbox pass failed: %s", std::string(e.what()));
        }
        lock.lock();
        _changed.wait_for(lock, wait, [this] { return _stopping || _woken; });
    }
}

std::chrono::milliseconds OutboxWorker::nextWait() {
    const auto next = _database.read([&](store::Sql& sql) { return _repository.nextDueAt(sql); });
    if (!next) return std::chrono::milliseconds(_settings.pollMs);
    return std::chrono::milliseconds(std::clamp<std::int64_t>(*next - _clock.nowMs(), 0, _settings.pollMs));
}

std::size_t OutboxWorker::dispatchDue() {
    std::size_t capacity;
    std::vector<std::string> busy;
    std::map<std::string, std::size_t> load;
    {
        std::lock_guard lock(_mutex);
        capacity = _settings.concurrency - _inFlight;
        load = _inFlightByDestination;
    }
    if (capacity == 0) return 0;
    for (const auto& [destination, count] : load) {
        if (count >= _settings.perDestination) busy.push_back(destination);
    }
    const auto now = _clock.nowMs();
    const auto due = _database.read([&](store::Sql& sql) { return _repository.dueDeliveries(sql, now, capacity * 4, busy); });

    std::vector<store::DueDelivery> chosen;
    for (const auto& candidate : due) {
        if (chosen.size() == capacity) break;
        auto& count = load[candidate.destination];
        if (count >= _settings.perDestination) continue;
        ++count;
        chosen.push_back(candidate);
    }
    if (chosen.empty()) return 0;

    std::vector<store::DueDelivery> claimed;
    _database.write([&](store::Sql& sql) {
        claimed.clear();
        for (const auto& candidate : chosen) {
            if (_repository.claim(sql, candidate.id, _settings.owner, now + _settings.leaseMs, now))
                claimed.push_back(candidate);
        }
    });
    for (const auto& delivery : claimed) {
        {
            std::lock_guard lock(_mutex);
            ++_inFlight;
            ++_inFlightByDestination[delivery.destination];
        }
        // Never refused: the pool's queue holds `concurrency` tasks and no more are ever in flight.
        _pool.submit([this, delivery] {
            attempt(delivery.id);
            finished(delivery.destination);
        });
    }
    return claimed.size();
}

void OutboxWorker::finished(const std::string& destination) {
    {
        std::lock_guard lock(_mutex);
        --_inFlight;
        if (--_inFlightByDestination[destination] == 0) _inFlightByDestination.erase(destination);
        _woken = true;
    }
    _changed.notify_all();
}

sdk::Delivery OutboxWorker::describe(const HandoverRequest& request, const OutboxDelivery& delivery,
                                     std::optional<std::string>& missingMethod) const {
    sdk::Delivery out;
    out.id = delivery.id;
    out.attempt = static_cast<int>(delivery.attempts + 1);
    out.event = HandoverEvent;
    out.occurredAtMs = request.createdAt;
    out.requestId = request.id;
    out.method = request.method;
    out.widgetId = request.widgetId;
    out.conversationId = request.conversationId;
    out.visitor = {request.visitorName.value_or(""), request.visitorEmail.value_or(""),
                   request.visitorPhone.value_or("")};
    out.message = request.visitorMessage.value_or("");
    missingMethod = request.method;
    if (const auto widget = _widgets.find(request.widgetId)) {
        for (const auto& method : widget->handover.methods) {
            if (method.name != request.method) continue;
            out.methodSettings = method.settings;
            missingMethod.reset();
        }
    }
    return out;
}

void OutboxWorker::attempt(const std::string& deliveryId) {
    try {
        std::optional<OutboxDelivery> delivery;
        std::optional<HandoverRequest> request;
        _database.read([&](store::Sql& sql) {
            delivery = _repository.findDelivery(sql, deliveryId);
            if (delivery) request = _repository.findRequest(sql, delivery->requestId);
        });
        if (!delivery || !request || delivery->status != "pending") return;

        std::optional<std::string> missingMethod;
        const auto described = describe(*request, *delivery, missingMethod);
        const auto startedAt = _clock.nowMs();
        const auto started = std::chrono::steady_clock::now();
        const auto result = missingMethod ? sdk::DeliveryResult::failed("the widget no longer has the handover method \"" +
                                                                        *missingMethod + "\"")
                                          : _deliver(delivery->channel, described);
        const auto durationMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now() - started)
                                    .count();
        const auto booked = _ledger.book(
            {deliveryId, startedAt, durationMs, result, _schedule.delayMs(delivery->attempts + 1, result.retryAfterMs)});
        if (booked) _onBooked(*booked);
    } catch (const std::exception& e) {
        // Not booked: the lease runs out and the delivery is tried again.
        logger().error("delivery %s could not be attempted: %s", deliveryId, std::string(e.what()));
    }
}

} // namespace switchboard::core::handover
