#include "core/handover/RetrySchedule.h"

#include <gtest/gtest.h>

using switchboard::core::handover::RetrySchedule;

TEST(RetryScheduleTest, FollowsTheListAndRepeatsItsLastValue) {
    const RetrySchedule schedule({10, 60, 300}, [] { return 0.5; }); // 0.5 is the middle of the jitter: no change
    EXPECT_EQ(schedule.delayMs(1, std::nullopt), 10'000);
    EXPECT_EQ(schedule.delayMs(2, std::nullopt), 60'000);
    EXPECT_EQ(schedule.delayMs(3, std::nullopt), 300'000);
    EXPECT_EQ(schedule.delayMs(9, std::nullopt), 300'000);
}

TEST(RetryScheduleTest, JitterSpreadsTwentyPercentEitherWay) {
    EXPECT_EQ(RetrySchedule({10}, [] { return 0.0; }).delayMs(1, std::nullopt), 8'000);
    EXPECT_EQ(RetrySchedule({10}, [] { return 0.999; }).delayMs(1, std::nullopt), 11'996);
}

TEST(RetryScheduleTest, RetryAfterWinsAndIsCapped) {
    const RetrySchedule schedule({10}, [] { return 0.0; });
    EXPECT_EQ(schedule.delayMs(1, 120'000), 120'000);
    EXPECT_EQ(schedule.delayMs(1, 0), 0);
    EXPECT_EQ(schedule.delayMs(1, -5), 0);
    EXPECT_EQ(schedule.delayMs(1, RetrySchedule::MaxRetryAfterMs * 2), RetrySchedule::MaxRetryAfterMs);
}

TEST(RetryScheduleTest, AnEmptyScheduleIsRefused) {
    EXPECT_THROW(RetrySchedule({}, [] { return 0.0; }), std::invalid_argument);
}
