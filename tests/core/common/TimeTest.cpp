#include "core/common/Time.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace switchboard::core::common;

namespace {

constexpr std::int64_t kExampleMs = 1'795'255'200'123; // 2026-11-21T10:00:00.123Z

} // namespace

TEST(TimeTest, FormatsUtcWithMilliseconds) {
    EXPECT_EQ(formatIso8601Ms(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(formatIso8601Ms(kExampleMs), "2026-11-21T10:00:00.123Z");
    EXPECT_EQ(formatIso8601Ms(1'700'000'000'000), "2023-11-14T22:13:20.000Z");
    EXPECT_EQ(formatIso8601Ms(1'709'251'199'999), "2024-02-29T23:59:59.999Z");
    EXPECT_EQ(formatIso8601Ms(7), "1970-01-01T00:00:00.007Z");
}

TEST(TimeTest, FormatsTimesBeforeTheEpoch) {
    EXPECT_EQ(formatIso8601Ms(-1), "1969-12-31T23:59:59.999Z");
    EXPECT_EQ(formatIso8601Ms(-86'400'000), "1969-12-31T00:00:00.000Z");
}

TEST(TimeTest, FormatCoversYearsZeroToNineThousandNineHundredNinetyNine) {
    EXPECT_EQ(formatIso8601Ms(-62'167'219'200'000), "0000-01-01T00:00:00.000Z");
    EXPECT_EQ(formatIso8601Ms(253'402'300'799'999), "9999-12-31T23:59:59.999Z");
    EXPECT_THROW(formatIso8601Ms(-62'167'219'200'001), std::out_of_range);
    EXPECT_THROW(formatIso8601Ms(253'402'300'800'000), std::out_of_range);
}

TEST(TimeTest, ParsesDatesAsUtcMidnight) {
    EXPECT_EQ(parseIso8601("1970-01-01"), 0);
    EXPECT_EQ(parseIso8601("2026-11-21"), kExampleMs - 36'000'123);
    EXPECT_EQ(parseIso8601("2024-02-29"), 1'709'251'199'999 - 86'399'999);
}

TEST(TimeTest, ParsesTimestampsWithZoneDesignator) {
    EXPECT_EQ(parseIso8601("2026-11-21T10:00:00.123Z"), kExampleMs);
    EXPECT_EQ(parseIso8601("2026-11-21T10:00:00Z"), kExampleMs - 123);
    EXPECT_EQ(parseIso8601("2026-11-21T11:00:00.123+01:00"), kExampleMs);
    EXPECT_EQ(parseIso8601("2026-11-21T04:30:00.123-05:30"), kExampleMs);
    EXPECT_EQ(parseIso8601("2026-11-21T10:00:00.123+00:00"), kExampleMs);
    EXPECT_EQ(parseIso8601("2026-11-22T00:00:00+14:00"), kExampleMs - 123);
}

TEST(TimeTest, FractionsOfAnyPrecisionTruncateToMilliseconds) {
    EXPECT_EQ(parseIso8601("1970-01-01T00:00:00.5Z"), 500);
    EXPECT_EQ(parseIso8601("1970-01-01T00:00:00.12Z"), 120);
    EXPECT_EQ(parseIso8601("1970-01-01T00:00:00.123456Z"), 123);
    EXPECT_EQ(parseIso8601("1970-01-01T00:00:00.999999999Z"), 999);
    EXPECT_EQ(parseIso8601("1970-01-01T00:00:00.1234567890Z"), std::nullopt);
}

TEST(TimeTest, RejectsMalformedOrImpossibleInput) {
    for (const char* text : {"", "2026", "2026-11", "2026-11-2", "2026-1-21", "26-11-21", "2026/11/21",
                             "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-11-00",
                             "2026-11-21T", "2026-11-21T10:00:00", "2026-11-21T10:00Z", "2026-11-21 10:00:00Z",
                             "2026-11-21t10:00:00Z", "2026-11-21T10:00:00z", "2026-11-21T24:00:00Z",
                             "2026-11-21T10:60:00Z", "2026-11-21T10:00:60Z", "2026-11-21T10:00:00.Z",
                             "2026-11-21T10:00:00+0100", "2026-11-21T10:00:00+01", "2026-11-21T10:00:00+24:00",
                             "2026-11-21T10:00:00+01:60", "2026-11-21T10:00:00Z ", " 2026-11-21",
                             "2026-11-21Z", "+2026-11-21", "2026-11-21T1a:00:00Z"}) {
        EXPECT_EQ(parseIso8601(text), std::nullopt) << text;
    }
}

TEST(TimeTest, FormatAndParseRoundTrip) {
    for (std::int64_t ms : {std::int64_t{0}, std::int64_t{-1}, kExampleMs, std::int64_t{951'782'400'000},
                            std::int64_t{4'102'444'799'999}, std::int64_t{-62'167'219'200'000},
                            std::int64_t{253'402'300'799'999}}) {
        EXPECT_EQ(parseIso8601(formatIso8601Ms(ms)), ms) << ms;
    }
}
