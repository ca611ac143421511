#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace switchboard::core::realtime {

/// A few threads that run the socket requests that touch the database, so that the event loops never wait
/// on it. The queue is bounded: when the database falls behind, new requests are refused at once rather than
/// piling up in memory.
class WorkerPool {
public:
    using Task = std::function<void()>;

    WorkerPool(std::size_t threads, std::size_t maxPending);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// False when the queue is full; the task is then not run.
    bool submit(Task task);

private:
    void run();

    const std::size_t _maxPending;
    std::mutex _mutex;
    std::condition_variable _wake;
    std::deque<Task> _tasks;
    bool _stopping = false;
    std::vector<std::thread> _threads;
};

} // namespace switchboard::core::realtime
