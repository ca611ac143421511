#include "core/store/GroupCommitQueue.h"

#include <gtest/gtest.h>

#include <future>
#include <stdexcept>
#include <thread>

namespace switchboard::core::store {
namespace {

// The batch runner never touches its Sql argument here; only the queue's coordination is under test.

/// A queue whose first batch stays open until `queueBehindIt` has queued `count` more jobs behind it, so
/// that what happens to a queue under load is deterministic. Records the size of every batch.
class HeldQueue {
public:
    explicit HeldQueue(std::size_t maxBatch)
        : _queue(maxBatch, [this](const std::vector<GroupCommitQueue::Job*>& batch) {
              batchSizes.push_back(batch.size());
              if (batchSizes.size() == 1) {
                  _firstEntered.set_value();
                  _release.wait();
              }
          }) {}

    /// Submits one job that holds the first batch, then `count` jobs from their own threads, waits until they
    /// are all queued, releases the first batch and waits for everything to finish.
    void queueBehindIt(std::size_t count) {
        GroupCommitQueue::Job first;
        auto leader = std::async(std::launch::async, [&] { _queue.submit(first); });
        _firstEntered.get_future().wait();
        std::vector<GroupCommitQueue::Job> jobs(count);
        std::vector<std::future<void>> waiting;
        for (auto& job : jobs) waiting.push_back(std::async(std::launch::async, [&] { _queue.submit(job); }));
        while (_queue.waiting() < count) std::this_thread::yield();
        _releaseFirst.set_value();
        leader.get();
        for (auto& f : waiting) f.get();
        for (auto& job : jobs) EXPECT_TRUE(job.done);
    }

    std::vector<std::size_t> batchSizes;

private:
    std::promise<void> _firstEntered, _releaseFirst;
    std::shared_future<void> _release = _releaseFirst.get_future().share();
    GroupCommitQueue _queue;
};

TEST(GroupCommitQueueTest, ALoneJobRunsAtOnceOnTheCallersThread) {
    std::vector<std::size_t> batchSizes;
    std::thread::id ranOn;
    GroupCommitQueue queue(8, [&](const std::vector<GroupCommitQueue::Job*>& batch) {
        batchSizes.push_back(batch.size());
        ranOn = std::this_thread::get_id();
    });
    GroupCommitQueue::Job job;
    queue.submit(job);
    EXPECT_TRUE(job.done);
    EXPECT_EQ(batchSizes, std::vector<std::size_t>{1});
    EXPECT_TRUE(ranOn == std::this_thread::get_id());
}

TEST(GroupCommitQueueTest, JobsQueuedDuringABatchShareTheNextOne) {
    HeldQueue queue(8);
    queue.queueBehindIt(5);
    EXPECT_EQ(queue.batchSizes, (std::vector<std::size_t>{1, 5}));
}

TEST(GroupCommitQueueTest, BatchesNeverExceedTheirBound) {
    HeldQueue queue(2);
    queue.queueBehindIt(5);
    EXPECT_EQ(queue.batchSizes, (std::vector<std::size_t>{1, 2, 2, 1}));
}

TEST(GroupCommitQueueTest, ABatchRunnerThatThrowsFailsEveryJobOfTheBatch) {
    GroupCommitQueue queue(8, [](const std::vector<GroupCommitQueue::Job*>&) { throw std::runtime_error("commit"); });
    GroupCommitQueue::Job job;
    queue.submit(job);
    ASSERT_TRUE(job.error);
    EXPECT_THROW(std::rethrow_exception(job.error), std::runtime_error);
}

} // namespace
} // namespace switchboard::core::store
