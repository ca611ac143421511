#include "core/limits/RateLimiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using switchboard::core::common::ManualClock;
using switchboard::core::limits::RateLimiter;

namespace {

int countAllowed(RateLimiter& limiter, const std::string& key, int limit, int windowS, int attempts) {
    int allowed = 0;
    for (int i = 0; i < attempts; ++i) allowed += limiter.hit(key, limit, windowS).allowed ? 1 : 0;
    return allowed;
}

} // namespace

TEST(RateLimiterTest, AllowsABurstOfLimitThenRefuses) {
    ManualClock clock;
    RateLimiter limiter(clock);
    for (int i = 0; i < 3; ++i) {
        const auto decision = limiter.hit("ip:1.2.3.4", 3, 60);
        EXPECT_TRUE(decision.allowed) << i;
        EXPECT_EQ(decision.retryAfterS, 0);
    }
    const auto refused = limiter.hit("ip:1.2.3.4", 3, 60);
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.retryAfterS, 20); // one event's worth refills every 60 s / 3
}

TEST(RateLimiterTest, NextEventIsAllowedExactlyWhenRetryAfterSays) {
    ManualClock clock;
    RateLimiter limiter(clock);
    ASSERT_EQ(countAllowed(limiter, "k", 3, 60, 3), 3);

    clock.advanceMs(19'999);
    const auto early = limiter.hit("k", 3, 60);
    EXPECT_FALSE(early.allowed);
    EXPECT_EQ(early.retryAfterS, 1);

    clock.advanceMs(1);
    EXPECT_TRUE(limiter.hit("k", 3, 60).allowed);
    const auto next = limiter.hit("k", 3, 60);
    EXPECT_FALSE(next.allowed);
    EXPECT_EQ(next.retryAfterS, 20);
}

TEST(RateLimiterTest, RetryAfterRoundsUpToWholeSeconds) {
    ManualClock clock;
    RateLimiter limiter(clock);
    ASSERT_EQ(countAllowed(limiter, "k", 7, 60, 7), 7);
    EXPECT_EQ(limiter.hit("k", 7, 60).retryAfterS, 9); // 60 s / 7 = 8.57 s

    ASSERT_TRUE(limiter.hit("hourly", 1, 3600).allowed);
    EXPECT_EQ(limiter.hit("hourly", 1, 3600).retryAfterS, 3600);
    clock.advanceMs(1'800'000);
    EXPECT_EQ(limiter.hit("hourly", 1, 3600).retryAfterS, 1800);
    clock.advanceMs(1'799'500);
    EXPECT_EQ(limiter.hit("hourly", 1, 3600).retryAfterS, 1);
}

TEST(RateLimiterTest, RefusedEventsAreNotCounted) {
    ManualClock clock;
    RateLimiter limiter(clock);
    ASSERT_EQ(countAllowed(limiter, "k", 3, 60, 3), 3);
    EXPECT_EQ(countAllowed(limiter, "k", 3, 60, 100), 0);
    clock.advanceMs(20'000);
    EXPECT_TRUE(limiter.hit("k", 3, 60).allowed);
}

TEST(RateLimiterTest, WindowRolloverRestoresTheFullBurst) {
    ManualClock clock;
    RateLimiter limiter(clock);
    ASSERT_EQ(countAllowed(limiter, "k", 5, 10, 5), 5);
    EXPECT_FALSE(limiter.hit("k", 5, 10).allowed);
    clock.advanceMs(10'000);
    EXPECT_EQ(countAllowed(limiter, "k", 5, 10, 10), 5);
    clock.advanceMs(3'600'000); // a long idle spell refills to the limit, not beyond it
    EXPECT_EQ(countAllowed(limiter, "k", 5, 10, 10), 5);
}

TEST(RateLimiterTest, PartOfAWindowRefillsThatPartOfTheLimit) {
    ManualClock clock;
    RateLimiter limiter(clock);
    ASSERT_EQ(countAllowed(limiter, "k", 60, 60, 60), 60);
    clock.advanceMs(30'000);
    EXPECT_EQ(countAllowed(limiter, "k", 60, 60, 100), 30);
}

TEST(RateLimiterTest, SustainedRateIsHeldToTheLimit) {
    ManualClock clock;
    RateLimiter limiter(clock);
    int allowed = 0;
    for (int second = 0; second < 600; ++second) { // ten one-minute windows, ten attempts a second
        allowed += countAllowed(limiter, "k", 30, 60, 10);
        clock.advanceMs(1000);
    }
    EXPECT_EQ(allowed, 30 + 30 * 10 - 1); // the initial burst, then 30 a minute (the last refill lands at 600 s)
}

TEST(RateLimiterTest, KeysAreIndependent) {
    ManualClock clock;
    RateLimiter limiter(clock);
    ASSERT_EQ(countAllowed(limiter, "ip:1.1.1.1", 2, 60, 2), 2);
    EXPECT_FALSE(limiter.hit("ip:1.1.1.1", 2, 60).allowed);
    EXPECT_TRUE(limiter.hit("ip:2.2.2.2", 2, 60).allowed);
    EXPECT_TRUE(limiter.hit("ip:2.2.2.2", 2, 60).allowed);
    EXPECT_FALSE(limiter.hit("ip:2.2.2.2", 2, 60).allowed);
}

TEST(RateLimiterTest, RulesSharingAKeyDoNotDisturbEachOther) {
    ManualClock clock;
    RateLimiter limiter(clock);
    ASSERT_EQ(countAllowed(limiter, "ip:1.1.1.1", 1, 3600, 1), 1);
    EXPECT_FALSE(limiter.hit("ip:1.1.1.1", 1, 3600).allowed);
    EXPECT_EQ(countAllowed(limiter, "ip:1.1.1.1", 5, 60, 10), 5);
    EXPECT_FALSE(limiter.hit("ip:1.1.1.1", 1, 3600).allowed);
}

TEST(RateLimiterTest, NonPositiveLimitMeansUnlimited) {
    ManualClock clock;
    RateLimiter limiter(clock);
    EXPECT_EQ(countAllowed(limiter, "k", 0, 60, 1000), 1000);
    EXPECT_EQ(countAllowed(limiter, "k", -1, 0, 1000), 1000);
    EXPECT_EQ(limiter.size(), 0u);
}

TEST(RateLimiterTest, RejectsUnrepresentableRules) {
    ManualClock clock;
    RateLimiter limiter(clock);
    EXPECT_THROW(limiter.hit("k", 5, 0), std::invalid_argument);
    EXPECT_THROW(limiter.hit("k", 5, -60), std::invalid_argument);
    EXPECT_THROW(limiter.hit("k", 5, RateLimiter::kMaxWindowS + 1), std::invalid_argument);
    EXPECT_THROW(limiter.hit("k", RateLimiter::kMaxLimit + 1, 60), std::invalid_argument);
    EXPECT_THROW(RateLimiter(clock, 0), std::invalid_argument);
}

TEST(RateLimiterTest, LargestRuleDoesNotOverflow) {
    ManualClock clock;
    RateLimiter limiter(clock);
    EXPECT_EQ(countAllowed(limiter, "k", RateLimiter::kMaxLimit, RateLimiter::kMaxWindowS, 1000), 1000);
    ASSERT_TRUE(limiter.hit("one", 1, RateLimiter::kMaxWindowS).allowed);
    const auto refused = limiter.hit("one", 1, RateLimiter::kMaxWindowS);
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.retryAfterS, RateLimiter::kMaxWindowS);
}

TEST(RateLimiterTest, DecadesOfIdlenessDoNotOverflowTheRefill) {
    ManualClock clock;
    RateLimiter limiter(clock);
    ASSERT_EQ(countAllowed(limiter, "k", RateLimiter::kMaxLimit, 1, 10), 10);
    clock.advanceMs(100LL * 365 * 24 * 3'600'000);
    EXPECT_EQ(countAllowed(limiter, "k", RateLimiter::kMaxLimit, 1, 10), 10);
}

TEST(RateLimiterTest, ClockSteppingBackRefillsNothing) {
    ManualClock clock;
    RateLimiter limiter(clock);
    ASSERT_TRUE(limiter.hit("k", 1, 60).allowed);
    clock.advanceMs(-3'600'000);
    EXPECT_FALSE(limiter.hit("k", 1, 60).allowed);
    clock.advanceMs(3'600'000 + 59'999);
    EXPECT_FALSE(limiter.hit("k", 1, 60).allowed);
    clock.advanceMs(1);
    EXPECT_TRUE(limiter.hit("k", 1, 60).allowed);
}

TEST(RateLimiterTest, MemoryStaysBoundedUnderManyKeys) {
    ManualClock clock;
    RateLimiter limiter(clock, 5000);
    for (int i = 0; i < 50'000; ++i) {
        limiter.hit("ip:" + std::to_string(i), 10, 3600);
        ASSERT_LE(limiter.size(), 5000u) << i;
    }
    EXPECT_GT(limiter.size(), 4000u); // eviction makes room, it does not empty the table
}

TEST(RateLimiterTest, EvictsRecoveredKeysBeforeActiveOnes) {
    ManualClock clock;
    RateLimiter limiter(clock, 8);
    ASSERT_TRUE(limiter.hit("attacker", 1, 3600).allowed); // oldest entry, but still owes an hour
    for (int i = 0; i < 7; ++i) limiter.hit("visitor" + std::to_string(i), 1, 1);
    ASSERT_EQ(limiter.size(), 8u);

    clock.advanceMs(2000); // every visitor's bucket has refilled
    EXPECT_TRUE(limiter.hit("newcomer", 1, 1).allowed);
    EXPECT_EQ(limiter.size(), 2u);
    EXPECT_FALSE(limiter.hit("attacker", 1, 3600).allowed);
}

TEST(RateLimiterTest, WhenAllKeysAreActiveEvictsTheLeastRecentlyHit) {
    ManualClock clock;
    RateLimiter limiter(clock, 4);
    for (const char* key : {"a", "b", "c", "d"}) ASSERT_TRUE(limiter.hit(key, 1, 3600).allowed);
    EXPECT_FALSE(limiter.hit("a", 1, 3600).allowed); // "a" is now the most recently hit, "b" the least

    EXPECT_TRUE(limiter.hit("e", 1, 3600).allowed);
    EXPECT_EQ(limiter.size(), 4u);
    EXPECT_FALSE(limiter.hit("a", 1, 3600).allowed);
    EXPECT_FALSE(limiter.hit("e", 1, 3600).allowed);
    EXPECT_TRUE(limiter.hit("b", 1, 3600).allowed); // forgotten, so it starts afresh
}

TEST(RateLimiterTest, ConcurrentHitsOnOneKeyNeverExceedTheLimit) {
    ManualClock clock;
    RateLimiter limiter(clock);
    std::atomic<int> allowed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 2000; ++i) {
                if (limiter.hit("shared", 1000, 60).allowed) ++allowed;
                limiter.hit("own" + std::to_string(i), 1000, 60);
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(allowed.load(), 1000);
}
