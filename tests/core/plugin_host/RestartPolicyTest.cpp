#include "core/plugin_host/RestartPolicy.h"

#include <gtest/gtest.h>

using switchboard::core::plugin_host::RestartPolicy;

namespace {

constexpr RestartPolicy::Limits Limits{100, 1'000, 60'000, 6};

} // namespace

TEST(RestartPolicyTest, TheDelayDoublesUpToItsBoundWhileTheProcessKeepsEnding) {
    RestartPolicy policy(Limits);
    std::int64_t now = 0;
    policy.started(now);
    for (const std::int64_t delay : {100, 200, 400, 800, 1'000}) {
        now += 10;
        const auto decision = policy.ended(now);
        ASSERT_TRUE(decision.restartAtMs);
        EXPECT_EQ(*decision.restartAtMs, now + delay);
        now = *decision.restartAtMs;
        policy.started(now);
    }
    EXPECT_EQ(policy.restarts(), 5);
}

TEST(RestartPolicyTest, AProcessThatKeepsEndingSoonAfterStartingDisablesThePlugin) {
    RestartPolicy policy(Limits);
    std::int64_t now = 0;
    RestartPolicy::Decision decision;
    for (int end = 1; end <= 6; ++end) {
        policy.started(now);
        now += 59'000;
        decision = policy.ended(now);
        if (end == 6) break;
        ASSERT_TRUE(decision.restartAtMs) << end;
        now = *decision.restartAtMs;
    }
    EXPECT_FALSE(decision.restartAtMs);
    EXPECT_EQ(decision.disabledBecause, "ended 6 times in a row within 60 s of starting");
}

TEST(RestartPolicyTest, AProcessThatRanLongEnoughStartsAfresh) {
    RestartPolicy policy(Limits);
    std::int64_t now = 0;
    for (int end = 1; end <= 20; ++end) {
        policy.started(now);
        now += 60'000;
        const auto decision = policy.ended(now);
        ASSERT_TRUE(decision.restartAtMs) << end;
        EXPECT_EQ(*decision.restartAtMs, now + 100);
        now = *decision.restartAtMs;
    }
}
