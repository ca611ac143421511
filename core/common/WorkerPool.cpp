#include "core/common/WorkerPool.h"

#include <Poco/Logger.h>

#include <pthread.h>

#include <exception>

namespace switchboard::core::common {

namespace {

constexpr std::int64_t RefusalLogIntervalMs = 10'000;

} // namespace

WorkerPool::WorkerPool(std::string name, std::size_t threads, Bounds bounds, const Clock& clock)
    : _name(std::move(name)), _bounds(bounds), _clock(clock), _refusedLog(RefusalLogIntervalMs) {
    for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i) {
        _threads.emplace_back([this] { run(); });
        // Linux keeps 15 characters of a thread's name; a longer one is not set at all.
        pthread_setname_np(_threads.back().native_handle(), _name.substr(0, 15).c_str());
    }
}

WorkerPool::~WorkerPool() { stop(); }

void WorkerPool::stop() {
    {
        std::lock_guard lock(_mutex);
        if (_stopping) return;
        _stopping = true;
    }
    _wake.notify_all();
    for (auto& thread : _threads) thread.join();
}

bool WorkerPool::submit(Task task) {
    {
        const auto nowMs = _clock.nowMs();
        std::lock_guard lock(_mutex);
        if (_stopping) return false;
        if (_tasks.size() >= _bounds.maxPending) {
            logRefusal(nowMs, "max. " + std::to_string(_bounds.maxPending) + " waiting");
            return false;
        }
        if (tooLate(_tasks.empty() ? 0 : nowMs - _tasks.front().sinceMs, nowMs)) return false;
        _tasks.push_back({std::move(task), nowMs});
    }
    _wake.notify_one();
    return true;
}

bool WorkerPool::tooLate(std::int64_t waitedMs, std::int64_t nowMs) {
    if (_bounds.maxWaitMs <= 0) return false;
    if (waitedMs <= _bounds.maxWaitMs) {
        if (_overloaded) {
            if (!_withinSinceMs) _withinSinceMs = nowMs;
            if (nowMs - *_withinSinceMs >= _bounds.graceMs) _overloaded = false;
        }
        return false;
    }
    if (!_overloaded && waitedMs <= _bounds.maxWaitMs + _bounds.graceMs) return false;
    _overloaded = true;
    _withinSinceMs.reset();
    logRefusal(nowMs, "the oldest waiting one had waited " + std::to_string(waitedMs) + " ms, max. " +
                          std::to_string(_bounds.maxWaitMs) + " ms");
    return true;
}

void WorkerPool::logRefusal(std::int64_t nowMs, const std::string& why) {
    if (const auto count = _refusedLog.occurred(nowMs))
        Poco::Logger::get("hub").warning("%s workers overloaded: refused %z task(s) as busy in the last %Ld s (%s)",
                                         _name, count, RefusalLogIntervalMs / 1000, why);
}

void WorkerPool::run() {
    std::unique_lock lock(_mutex);
    for (;;) {
        _wake.wait(lock, [this] { return _stopping || !_tasks.empty(); });
        // Queued requests are finished before the pool stops: their sockets are waiting for the answers.
        if (_tasks.empty()) return;
        auto task = std::move(_tasks.front().task);
        _tasks.pop_front();
        lock.unlock();
        try {
            task();
        } catch (const std::exception& e) {
            Poco::Logger::get("hub").error("worker task failed: %s", std::string(e.what()));
        }
        lock.lock();
    }
}

} // namespace switchboard::core::common
