#include "core/common/LogThrottle.h"

#include <gtest/gtest.h>

using switchboard::core::common::LogThrottle;

TEST(LogThrottleTest, LetsOneThroughPerIntervalWithTheCountHeldBack) {
    LogThrottle throttle(1000);
    EXPECT_EQ(throttle.occurred(5000), 1u);
    EXPECT_EQ(throttle.occurred(5001), 0u);
    EXPECT_EQ(throttle.occurred(5999), 0u);
    EXPECT_EQ(throttle.occurred(6000), 3u) << "this one and the two held back";
    EXPECT_EQ(throttle.occurred(6500), 0u);
    EXPECT_EQ(throttle.occurred(9000), 2u);
}
