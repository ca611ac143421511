#pragma once

#include "core/common/Clock.h"
#include "core/common/Executor.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace switchboard::core::common {

/// A few threads that run work handed over by threads that must not wait (the event loops, the outbox
/// dispatcher). The queue is bounded twice: by its length, and by how long its oldest task has waited. When the
/// work falls behind, new tasks are refused at once rather than queued behind seconds of others: what is
/// accepted is then served quickly, and what is refused is told so at once (and may be retried).
class WorkerPool final : public Executor {
public:
    struct Bounds {
        std::size_t maxPending = 10'000;
        /// New tasks are refused while the oldest queued one has waited longer than this; 0 = no such bound.
        std::int64_t maxWaitMs = 0;
    };

    WorkerPool(std::size_t threads, Bounds bounds, const Clock& clock);
    ~WorkerPool() override;
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// False when the pool is behind (see Bounds) or stopped; the task is then not run.
    bool submit(Task task) override;
    /// Runs what is queued, then ends the threads; later submissions are refused. Safe from any thread but the
    /// pool's own, and more than once.
    void stop();

private:
    void run();

    struct Queued {
        Task task;
        std::int64_t sinceMs;
    };

    const Bounds _bounds;
    const Clock& _clock;
    std::mutex _mutex;
    std::condition_variable _wake;
    std::deque<Queued> _tasks;
    bool _stopping = false;
    std::vector<std::thread> _threads;
};

} // namespace switchboard::core::common
