#pragma once

#include "core/common/Executor.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace switchboard::core::common {

/// A few threads that run work handed over by threads that must not wait (the event loops, the outbox
/// dispatcher). The queue is bounded: when the work falls behind, new tasks are refused at once rather than
/// piling up in memory.
class WorkerPool final : public Executor {
public:
    WorkerPool(std::size_t threads, std::size_t maxPending);
    ~WorkerPool() override;
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// False when the queue is full; the task is then not run.
    bool submit(Task task) override;

private:
    void run();

    const std::size_t _maxPending;
    std::mutex _mutex;
    std::condition_variable _wake;
    std::deque<Task> _tasks;
    bool _stopping = false;
    std::vector<std::thread> _threads;
};

} // namespace switchboard::core::common
