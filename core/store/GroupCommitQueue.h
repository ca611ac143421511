#pragma once

#include "core/store/Sql.h"

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <vector>

namespace switchboard::core::store {

/// Lets concurrent writers share one transaction (group commit).
///
/// SQLite has one writer, and most of a small transaction's cost is the commit itself (WAL frames for the
/// pages it touched, locks, a page-cache check) rather than its statements. Callers that arrive while a
/// commit is under way queue their work; when it ends, one of them leads the next batch and runs every queued
/// job in one transaction while the others wait. Under load a commit carries many messages; alone, a caller
/// runs at once, exactly as without the queue.
class GroupCommitQueue {
public:
    struct Job {
        std::function<void(Sql&)> body;
        /// Set by the batch runner when the job failed (its own exception, or the batch's commit error).
        std::exception_ptr error;
        bool done = false;
    };
    /// Runs a batch in one transaction and records each job's failure in `Job::error`.
    using BatchRunner = std::function<void(const std::vector<Job*>& batch)>;

    GroupCommitQueue(std::size_t maxBatch, BatchRunner runBatch);

    /// Returns when `job` has run, on this thread or on the thread leading its batch.
    void submit(Job& job);

    /// Jobs queued for the next batch (for metrics and tests).
    std::size_t waiting();

private:
    const std::size_t _maxBatch;
    const BatchRunner _runBatch;

    std::mutex _mutex;
    std::condition_variable _batchDone;
    std::vector<Job*> _queued;
    bool _leading = false;
};

} // namespace switchboard::core::store
