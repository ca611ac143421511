#include "core/common/WorkerPool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <memory>

using switchboard::core::common::ManualClock;
using switchboard::core::common::WorkerPool;

namespace {

/// A task that occupies a thread of the pool until released. The task holds only futures, so the blocker may go
/// first.
struct Blocker {
    std::promise<void> release;
    std::shared_ptr<std::promise<void>> started = std::make_shared<std::promise<void>>();
    std::shared_future<void> startedFuture = started->get_future().share();

    bool submitTo(WorkerPool& pool) {
        return pool.submit([started = started, released = release.get_future().share()] {
            started->set_value();
            released.wait();
        });
    }
    void waitStarted() const { startedFuture.wait(); }
    void occupy(WorkerPool& pool) {
        ASSERT_TRUE(submitTo(pool));
        waitStarted();
    }
};

/// A wait bound of 25 ms with 100 ms of grace, on one thread.
constexpr WorkerPool::Bounds Bounded{100, 25, 100};

} // namespace

TEST(WorkerPoolTest, AbsorbsAQueueThatClearsWithinTheGracePastTheWaitBound) {
    ManualClock clock;
    WorkerPool pool("test", 1, Bounded, clock);
    Blocker blocker;
    blocker.occupy(pool);
    std::atomic<int> ran{0};
    ASSERT_TRUE(pool.submit([&] { ++ran; }));
    clock.advanceMs(125);
    EXPECT_TRUE(pool.submit([&] { ++ran; })) << "a burst or a stall of up to bound + grace is absorbed";
    clock.advanceMs(1);
    EXPECT_FALSE(pool.submit([&] { ++ran; })) << "past bound + grace the pool is overloaded";
    blocker.release.set_value();
    pool.stop();
    EXPECT_EQ(ran.load(), 2) << "what was accepted ran; what was refused did not";
}

TEST(WorkerPoolTest, WhileOverloadedRefusesWhatWouldWaitPastTheBoundAlone) {
    ManualClock clock;
    WorkerPool pool("test", 1, Bounded, clock);
    Blocker first;
    first.occupy(pool);
    Blocker second;
    ASSERT_TRUE(second.submitTo(pool));
    clock.advanceMs(100);
    std::atomic<int> ran{0};
    ASSERT_TRUE(pool.submit([&] { ++ran; })) << "100 ms is within bound + grace";
    clock.advanceMs(26);
    ASSERT_FALSE(pool.submit([&] { ++ran; })) << "the oldest waited 126 ms: overloaded";

    // The oldest starts; the one behind it has waited 26 ms, past the bound but well within the grace.
    first.release.set_value();
    second.waitStarted();
    EXPECT_FALSE(pool.submit([&] { ++ran; })) << "overloaded, the grace no longer applies";

    second.release.set_value();
    pool.stop();
    EXPECT_EQ(ran.load(), 1);
}

TEST(WorkerPoolTest, AcceptsAgainOnceTheQueueHasCaughtUp) {
    ManualClock clock;
    WorkerPool pool("test", 1, Bounded, clock);
    {
        Blocker blocker;
        blocker.occupy(pool);
        ASSERT_TRUE(pool.submit([] {}));
        clock.advanceMs(200);
        EXPECT_FALSE(pool.submit([] {}));
        blocker.release.set_value();
    }
    // Once the queue is empty, the wait of earlier tasks no longer counts.
    std::promise<void> ran;
    for (int attempt = 0; attempt < 1000 && !pool.submit([&] { ran.set_value(); }); ++attempt)
        std::this_thread::yield();
    EXPECT_EQ(ran.get_future().wait_for(std::chrono::seconds(5)), std::future_status::ready);

    // Still overloaded until the queue has kept within the bound for the grace: a backlog 26 ms old is refused.
    Blocker again;
    again.occupy(pool);
    ASSERT_TRUE(pool.submit([] {}));
    clock.advanceMs(26);
    EXPECT_FALSE(pool.submit([] {}));
    again.release.set_value();
}

TEST(WorkerPoolTest, TheOverloadEndsOnceTheQueueKeptWithinTheBoundForTheGrace) {
    ManualClock clock;
    WorkerPool pool("test", 1, Bounded, clock);
    std::promise<void> firstRan;
    {
        Blocker blocker;
        blocker.occupy(pool);
        ASSERT_TRUE(pool.submit([&] { firstRan.set_value(); }));
        clock.advanceMs(126);
        ASSERT_FALSE(pool.submit([] {})) << "overloaded";
        blocker.release.set_value();
    }
    firstRan.get_future().wait(); // the queue is empty again
    Blocker again;
    ASSERT_TRUE(again.submitTo(pool)) << "an empty queue is within the bound; the overload holds for the grace";
    again.waitStarted();
    clock.advanceMs(100);
    ASSERT_TRUE(pool.submit([] {})) << "within the bound for 100 ms: the overload ends";
    clock.advanceMs(26);
    EXPECT_TRUE(pool.submit([] {})) << "a backlog of 26 ms is a burst again, within the grace";
    again.release.set_value();
}

TEST(WorkerPoolTest, RefusesTasksPastTheLengthBound) {
    ManualClock clock;
    WorkerPool pool("test", 1, {2, 0}, clock);
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
    WorkerPool pool("test", 2, {100, 0}, clock);
    std::atomic<int> ran{0};
    for (int i = 0; i < 20; ++i) ASSERT_TRUE(pool.submit([&] { ++ran; }));
    pool.stop();
    EXPECT_EQ(ran.load(), 20);
    EXPECT_FALSE(pool.submit([&] { ++ran; }));
    pool.stop(); // a second stop is harmless
}
