#include "core/common/PosixTzRule.h"

#include "core/common/Time.h"

#include "tests/support/Instant.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace switchboard::core::common;

using switchboard::tests::epochSeconds;

namespace {

constexpr int kHour = 3600;

} // namespace

TEST(PosixTzRuleTest, FixedOffsetsAreWestPositive) {
    EXPECT_EQ(PosixTzRule::parse("IST-5:30").offsetSeconds(0), 5 * kHour + 1800);
    EXPECT_EQ(PosixTzRule::parse("<-03>3").offsetSeconds(0), -3 * kHour);
    EXPECT_EQ(PosixTzRule::parse("<+0545>-5:45").offsetSeconds(0), 5 * kHour + 45 * 60);
    EXPECT_EQ(PosixTzRule::parse("UTC0").nextTransitionSeconds(0), std::nullopt);
}

TEST(PosixTzRuleTest, MonthWeekDayRulesWithTheDefaultDaylightOffset) {
    const auto newYork = PosixTzRule::parse("EST5EDT,M3.2.0,M11.1.0");
    EXPECT_EQ(newYork.offsetSeconds(epochSeconds("2026-03-08T06:59:59Z")), -5 * kHour);
    EXPECT_EQ(newYork.offsetSeconds(epochSeconds("2026-03-08T07:00:00Z")), -4 * kHour);
    EXPECT_EQ(newYork.offsetSeconds(epochSeconds("2026-11-01T05:59:59Z")), -4 * kHour);
    EXPECT_EQ(newYork.offsetSeconds(epochSeconds("2026-11-01T06:00:00Z")), -5 * kHour);
    EXPECT_EQ(newYork.nextTransitionSeconds(epochSeconds("2026-03-08T07:00:00Z")), epochSeconds("2026-11-01T06:00:00Z"));
    EXPECT_EQ(newYork.nextTransitionSeconds(epochSeconds("2026-12-01T00:00:00Z")), epochSeconds("2027-03-14T07:00:00Z"));
}

TEST(PosixTzRuleTest, FifthWeekMeansTheLastAndNegativeTimesReachTheDayBefore) {
    const auto nuuk = PosixTzRule::parse("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
    EXPECT_EQ(nuuk.offsetSeconds(epochSeconds("2026-03-29T00:59:59Z")), -2 * kHour);
    EXPECT_EQ(nuuk.offsetSeconds(epochSeconds("2026-03-29T01:00:00Z")), -1 * kHour);
    EXPECT_EQ(nuuk.offsetSeconds(epochSeconds("2026-10-25T00:59:59Z")), -1 * kHour);
    EXPECT_EQ(nuuk.offsetSeconds(epochSeconds("2026-10-25T01:00:00Z")), -2 * kHour);
}

TEST(PosixTzRuleTest, SouthernHemisphereSummerSpansTheNewYear) {
    const auto sydney = PosixTzRule::parse("AEST-10AEDT,M10.1.0,M4.1.0/3");
    EXPECT_EQ(sydney.offsetSeconds(epochSeconds("2026-01-01T00:00:00Z")), 11 * kHour);
    EXPECT_EQ(sydney.offsetSeconds(epochSeconds("2026-07-01T00:00:00Z")), 10 * kHour);
    EXPECT_EQ(sydney.offsetSeconds(epochSeconds("2026-12-31T23:00:00Z")), 11 * kHour);
    EXPECT_EQ(sydney.nextTransitionSeconds(epochSeconds("2026-01-01T00:00:00Z")), epochSeconds("2026-04-04T16:00:00Z"));
}

TEST(PosixTzRuleTest, DaylightOffsetMayBeBelowStandard) {
    const auto dublin = PosixTzRule::parse("IST-1GMT0,M10.5.0,M3.5.0/1");
    EXPECT_EQ(dublin.offsetSeconds(epochSeconds("2026-01-15T00:00:00Z")), 0);
    EXPECT_EQ(dublin.offsetSeconds(epochSeconds("2026-07-15T00:00:00Z")), kHour);
}

TEST(PosixTzRuleTest, JulianDaysSkipFebruaryTwentyNinthAndZeroBasedDaysCountIt) {
    const auto julian = PosixTzRule::parse("EST5EDT,J60,J300");
    EXPECT_EQ(julian.nextTransitionSeconds(epochSeconds("2024-01-01T00:00:00Z")), epochSeconds("2024-03-01T07:00:00Z"));
    EXPECT_EQ(julian.nextTransitionSeconds(epochSeconds("2025-01-01T00:00:00Z")), epochSeconds("2025-03-01T07:00:00Z"));
    const auto zeroBased = PosixTzRule::parse("EST5EDT,59,300");
    EXPECT_EQ(zeroBased.nextTransitionSeconds(epochSeconds("2024-01-01T00:00:00Z")), epochSeconds("2024-02-29T07:00:00Z"));
    EXPECT_EQ(zeroBased.nextTransitionSeconds(epochSeconds("2025-01-01T00:00:00Z")), epochSeconds("2025-03-01T07:00:00Z"));
}

TEST(PosixTzRuleTest, DaylightSavingAllYearNeverChanges) {
    const auto rule = PosixTzRule::parse("EST5EDT,0/0,J365/25");
    for (const char* time :
         {"2026-01-01T00:00:00Z", "2026-01-01T05:00:00Z", "2026-07-01T00:00:00Z", "2026-12-31T23:59:59Z"}) {
        EXPECT_EQ(rule.offsetSeconds(epochSeconds(time)), -4 * kHour) << time;
    }
    EXPECT_EQ(rule.nextTransitionSeconds(epochSeconds("2026-06-01T00:00:00Z")), std::nullopt);
}

TEST(PosixTzRuleTest, RulesRepeatIntoThePastAndFarFuture) {
    const auto london = PosixTzRule::parse("GMT0BST,M3.5.0/1,M10.5.0");
    EXPECT_EQ(london.offsetSeconds(epochSeconds("1900-07-01T00:00:00Z")), kHour);
    EXPECT_EQ(london.nextTransitionSeconds(epochSeconds("1900-01-01T00:00:00Z")), epochSeconds("1900-03-25T01:00:00Z"));
    EXPECT_EQ(london.offsetSeconds(epochSeconds("9999-07-01T00:00:00Z")), kHour);
    EXPECT_EQ(london.offsetSeconds(epochSeconds("9999-12-01T00:00:00Z")), 0);
}

TEST(PosixTzRuleTest, MalformedStringsAreRefused) {
    for (const char* text : {"", "EST", "E5", "<EST5", "EST25", "EST5EDT", "EST5EDT4", "EST5EDT,M3.2.0",
                             "EST5EDT,M13.2.0,M11.1.0", "EST5EDT,M3.6.0,M11.1.0", "EST5EDT,M3.2.7,M11.1.0",
                             "EST5EDT,J0,J300", "EST5EDT,366,300", "EST5EDT,M3.2.0/168,M11.1.0",
                             "EST5EDT,M3.2.0,M11.1.0x", "EST5:60"}) {
        EXPECT_THROW(PosixTzRule::parse(text), std::invalid_argument) << text;
    }
}
