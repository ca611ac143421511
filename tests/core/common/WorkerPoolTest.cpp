#include "core/common/WorkerPool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <memory>

using switchboard::core::common::ManualClock;
using switchboard::core::common::WorkerPool;

namespace {

/// Occupies the pool's one thread until released. The task holds only futures, so the blocker may go first.
struct Blocker {
    std::promise<void> release;
    void occupy(WorkerPool& pool) {
        auto started = std::make_shared<std::promise<void>>();
        ASSERT_TRUE(pool.submit([started, released = release.get_future().share()] {
            started->set_value();
            released.wait();
        }));
        started->get_future().wait();
    }
};

} // namespace

TEST(WorkerPoolTest, RefusesNewTasksWhileTheOldestWaitingOneWaitedTooLong) {
    ManualClock clock;
    WorkerPool pool(1, {100, 25}, clock);
    Blocker blocker;
    blocker.occupy(pool);
    std::atomic<int> ran{0};
    ASSERT_TRUE(pool.submit([&] { ++ran; }));
    clock.advanceMs(25);
    EXPECT_TRUE(pool.submit([&] { ++ran; })) << "waiting exactly the bound is still within it";
    clock.advanceMs(1);
    EXPECT_FALSE(pool.submit([&] { ++ran; }));
    blocker.release.set_value();
    pool.stop();
    EXPECT_EQ(ran.load(), 2) << "what was accepted ran; what was refused did not";
}

TEST(WorkerPoolTest, AcceptsAgainOnceTheQueueHasCaughtUp) {
    ManualClock clock;
    WorkerPool pool(1, {100, 25}, clock);
    {
        Blocker blocker;
        blocker.occupy(pool);
        ASSERT_TRUE(pool.submit([] {}));
        clock.advanceMs(100);
        EXPECT_FALSE(pool.submit([] {}));
        blocker.release.set_value();
    }
    // Once the queue is empty, the wait of earlier tasks no longer counts.
    std::promise<void> ran;
    for (int attempt = 0; attempt < 1000 && !pool.submit([&] { ran.set_value(); }); ++attempt)
        std::this_thread::yield();
    EXPECT_EQ(ran.get_future().wait_for(std::chrono::seconds(5)), std::future_status::ready);
}

TEST(WorkerPoolTest, RefusesTasksPastTheLengthBound) {
    ManualClock clock;
    WorkerPool pool(1, {2, 0}, clock);
    Blocker blocker;
    blocker.occupy(pool);
    EXPECT_TRUE(pool.submit([] {}));
    EXPECT_TRUE(pool.submit([] {}));
    EXPECT_FALSE(pool.submit([] {}));
    clock.advanceMs(60'000);
    blocker.release.set_value();
}

TEST(WorkerPoolTest, StopRunsWhatIsQueuedThenRefuses) {
    ManualClock clock;
    WorkerPool pool(2, {100, 0}, clock);
    std::atomic<int> ran{0};
    for (int i = 0; i < 20; ++i) ASSERT_TRUE(pool.submit([&] { ++ran; }));
    pool.stop();
    EXPECT_EQ(ran.load(), 20);
    EXPECT_FALSE(pool.submit([&] { ++ran; }));
    pool.stop(); // a second stop is harmless
}
