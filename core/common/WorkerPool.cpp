#include "core/common/WorkerPool.h"

#include <Poco/Logger.h>

#include <exception>

namespace switchboard::core::common {

WorkerPool::WorkerPool(std::size_t threads, Bounds bounds, const Clock& clock) : _bounds(bounds), _clock(clock) {
    for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i) _threads.emplace_back([this] { run(); });
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
        if (_stopping || _tasks.size() >= _bounds.maxPending) return false;
        if (_bounds.maxWaitMs > 0 && !_tasks.empty() && nowMs - _tasks.front().sinceMs > _bounds.maxWaitMs)
            return false;
        _tasks.push_back({std::move(task), nowMs});
    }
    _wake.notify_one();
    return true;
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
