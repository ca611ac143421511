#pragma once

#include "core/common/Clock.h"
#include "core/common/Executor.h"
#include "core/common/LogThrottle.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace switchboard::core::common {

/// A few threads that run work handed over by threads that must not wait (the event loops, the outbox
/// dispatcher). The queue is bounded twice: by its length, and by how long its oldest task has waited. When the
/// work keeps falling behind, new tasks are refused at once rather than queued behind seconds of others: what is
/// accepted is then served quickly, and what is refused is told so at once (and may be retried).
///
/// The wait bound tells a burst from overload, as CoDel does (RFC 8289): a queue that clears within `graceMs` past
/// `maxWaitMs` (a burst of requests, a commit that stalls on the disk) is absorbed whole. Once the oldest task has
/// waited longer, the pool is overloaded: it refuses new tasks whenever the oldest has waited past `maxWaitMs`,
/// until the queue has stayed within `maxWaitMs` for `graceMs`. Under sustained overload the queue thus holds about
/// `maxWaitMs` of work, not `maxWaitMs + graceMs`, and it does not fill and drain in turns.
class WorkerPool final : public Executor {
public:
    struct Bounds {
        std::size_t maxPending = 10'000;
        /// The wait, in milliseconds, that a queue that keeps falling behind may hold; 0 = no such bound.
        std::int64_t maxWaitMs = 0;
        /// How long past `maxWaitMs` a queue may take to clear before the pool counts as overloaded.
        std::int64_t graceMs = 100;
    };

    /// `name` names the threads (`top -H`, `perf`; at most 15 characters) and the pool in the log.
    WorkerPool(std::string name, std::size_t threads, Bounds bounds, const Clock& clock);
    ~WorkerPool() override;
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// False when the pool is behind (see Bounds) or stopped; the task is then not run. Refusals for the wait are
    /// logged, at most every 10 s.
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

    /// Whether the oldest task's wait, `waitedMs` (0 with none), keeps the next one out; enters and leaves the
    /// overloaded state. Under `_mutex`.
    bool tooLate(std::int64_t waitedMs, std::int64_t nowMs);
    /// Logs a refusal, at most every 10 s with the count since; `why` names the bound. Under `_mutex`.
    void logRefusal(std::int64_t nowMs, const std::string& why);

    const std::string _name;
    const Bounds _bounds;
    const Clock& _clock;
    std::mutex _mutex;
    std::condition_variable _wake;
    std::deque<Queued> _tasks;
    bool _stopping = false;
    /// Set once the oldest task waited past `maxWaitMs + graceMs`; cleared once the queue has kept within
    /// `maxWaitMs` since `_withinSinceMs` for `graceMs`.
    bool _overloaded = false;
    std::optional<std::int64_t> _withinSinceMs;
    LogThrottle _refusedLog;
    std::vector<std::thread> _threads;
};

} // namespace switchboard::core::common
