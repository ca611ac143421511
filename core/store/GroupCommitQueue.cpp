#include "core/store/GroupCommitQueue.h"

#include <algorithm>

namespace switchboard::core::store {

GroupCommitQueue::GroupCommitQueue(std::size_t maxBatch, BatchRunner runBatch)
    : _maxBatch(std::max<std::size_t>(maxBatch, 1)), _runBatch(std::move(runBatch)) {}

void GroupCommitQueue::submit(Job& job) {
    std::unique_lock lock(_mutex);
    _queued.push_back(&job);
    while (!job.done) {
        if (_leading) {
            _batchDone.wait(lock);
            continue;
        }
        _leading = true;
        // Oldest first, so that a caller never waits behind more than one batch that arrived after it.
        const auto take = std::min(_queued.size(), _maxBatch);
        std::vector<Job*> batch(_queued.begin(), _queued.begin() + static_cast<std::ptrdiff_t>(take));
        _queued.erase(_queued.begin(), _queued.begin() + static_cast<std::ptrdiff_t>(take));
        lock.unlock();
        try {
            _runBatch(batch);
        } catch (...) {
            for (auto* queued : batch) {
                if (!queued->error) queued->error = std::current_exception();
            }
        }
        lock.lock();
        for (auto* finished : batch) finished->done = true;
        _leading = false;
        _batchDone.notify_all();
    }
}

std::size_t GroupCommitQueue::waiting() {
    std::lock_guard lock(_mutex);
    return _queued.size();
}

} // namespace switchboard::core::store
