#include "core/realtime/TypingThrottle.h"

#include <gtest/gtest.h>

namespace switchboard::core::realtime {
namespace {

constexpr std::int64_t Start = 1'000'000;

TEST(TypingThrottleTest, TheFirstUpdateGoesOutAndRepeatsWithinASecondAreDropped) {
    TypingThrottle throttle;
    EXPECT_TRUE(throttle.offer("c1", true, Start));
    for (int i = 1; i < 1000; ++i) EXPECT_FALSE(throttle.offer("c1", true, Start + i));
    EXPECT_FALSE(throttle.nextDueMs());
    EXPECT_TRUE(throttle.takeDue(Start + 5000).empty());
}

TEST(TypingThrottleTest, AChangeWithinTheIntervalIsHeldUntilItEnds) {
    TypingThrottle throttle;
    ASSERT_TRUE(throttle.offer("c1", true, Start));
    EXPECT_FALSE(throttle.offer("c1", false, Start + 200));
    EXPECT_EQ(throttle.nextDueMs(), Start + TypingThrottle::IntervalMs);
    EXPECT_TRUE(throttle.takeDue(Start + TypingThrottle::IntervalMs - 1).empty());
    const auto due = throttle.takeDue(Start + TypingThrottle::IntervalMs);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].conversationId, "c1");
    EXPECT_FALSE(due[0].isTyping);
    EXPECT_FALSE(throttle.nextDueMs());
}

TEST(TypingThrottleTest, AChangeUndoneWithinTheIntervalIsAnnouncedAgainAtItsEnd) {
    TypingThrottle throttle;
    ASSERT_TRUE(throttle.offer("c1", true, Start));
    EXPECT_FALSE(throttle.offer("c1", false, Start + 100));
    EXPECT_FALSE(throttle.offer("c1", true, Start + 200));
    EXPECT_EQ(throttle.nextDueMs(), Start + TypingThrottle::IntervalMs);
    const auto due = throttle.takeDue(Start + TypingThrottle::IntervalMs);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_TRUE(due[0].isTyping);
}

TEST(TypingThrottleTest, AfterTheIntervalTheNextUpdateGoesOutAtOnce) {
    TypingThrottle throttle;
    ASSERT_TRUE(throttle.offer("c1", true, Start));
    EXPECT_TRUE(throttle.offer("c1", true, Start + TypingThrottle::IntervalMs));
}

TEST(TypingThrottleTest, ConversationsAreThrottledApart) {
    TypingThrottle throttle;
    EXPECT_TRUE(throttle.offer("c1", true, Start));
    EXPECT_TRUE(throttle.offer("c2", true, Start + 10));
    EXPECT_FALSE(throttle.offer("c1", false, Start + 20));
    EXPECT_FALSE(throttle.offer("c2", false, Start + 30));
    EXPECT_EQ(throttle.nextDueMs(), Start + TypingThrottle::IntervalMs);
    EXPECT_EQ(throttle.takeDue(Start + TypingThrottle::IntervalMs).size(), 1u);
    EXPECT_EQ(throttle.nextDueMs(), Start + 10 + TypingThrottle::IntervalMs);
}

} // namespace
} // namespace switchboard::core::realtime
