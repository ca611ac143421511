#include "core/common/WorkerPool.h"

#include <Poco/Logger.h>

#include <exception>

namespace switchboard::core::common {

WorkerPool::WorkerPool(std::size_t threads, std::size_t maxPending) : _maxPending(maxPending) {
    for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i) _threads.emplace_back([this] { run(); });
}

WorkerPool::~WorkerPool() {
    {
        std::lock_guard lock(_mutex);
        _stopping = true;
    }
    _wake.notify_all();
    for (auto& thread : _threads) thread.join();
}

bool WorkerPool::submit(Task task) {
    {
        std::lock_guard lock(_mutex);
        if (_stopping || _tasks.size() >= _maxPending) return false;
        _tasks.push_back(std::move(task));
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
        auto task = std::move(_tasks.front());
        _tasks.pop_front();
        lock.unlock();
        try {
            task();
        } catch (const std::exception& e) {
            Poco::Logger::get("realtime").error("socket task failed: %s", std::string(e.what()));
        }
        lock.lock();
    }
}

} // namespace switchboard::core::common
