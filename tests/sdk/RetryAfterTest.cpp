#include "switchboard/sdk/Webhook.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>

using switchboard::sdk::parseRetryAfter;

namespace {

constexpr std::int64_t October21st2015At0728Ms = 1'445'412'480'000;

} // namespace

TEST(RetryAfterTest, DeltaSecondsAreMilliseconds) {
    EXPECT_EQ(parseRetryAfter("120", 0), 120'000);
    EXPECT_EQ(parseRetryAfter("0", 5), 0);
    EXPECT_EQ(parseRetryAfter(" 7 ", 0), 7'000);
}

TEST(RetryAfterTest, DeltaSecondsDoNotDependOnNow) {
    EXPECT_EQ(parseRetryAfter("30", October21st2015At0728Ms), 30'000);
}

TEST(RetryAfterTest, ImfFixdateIsTheTimeUntilThatDate) {
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", October21st2015At0728Ms - 90'000), 90'000);
    EXPECT_EQ(parseRetryAfter("Thu, 29 Feb 2024 12:00:00 GMT", 1'709'208'000'000 - 1'500), 1'500);
}

TEST(RetryAfterTest, DateInThePastIsZero) {
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", October21st2015At0728Ms + 1), 0);
}

TEST(RetryAfterTest, MalformedValuesAreNullopt) {
    EXPECT_EQ(parseRetryAfter("", 0), std::nullopt);
    EXPECT_EQ(parseRetryAfter("-5", 0), std::nullopt);
    EXPECT_EQ(parseRetryAfter("1.5", 0), std::nullopt);
    EXPECT_EQ(parseRetryAfter("soon", 0), std::nullopt);
    EXPECT_EQ(parseRetryAfter("99999999999999999999", 0), std::nullopt);
    EXPECT_EQ(parseRetryAfter("9223372036854775807", 0), std::nullopt);
}

TEST(RetryAfterTest, MalformedDatesAreNullopt) {
    const std::int64_t now = October21st2015At0728Ms;
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 UTC", now), std::nullopt);
    EXPECT_EQ(parseRetryAfter("Xyz, 21 Oct 2015 07:28:00 GMT", now), std::nullopt);
    EXPECT_EQ(parseRetryAfter("Wed, 21 Okt 2015 07:28:00 GMT", now), std::nullopt);
    EXPECT_EQ(parseRetryAfter("Wed, 32 Oct 2015 07:28:00 GMT", now), std::nullopt);
    EXPECT_EQ(parseRetryAfter("Fri, 29 Feb 2019 07:28:00 GMT", now), std::nullopt);
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 24:00:00 GMT", now), std::nullopt);
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:60:00 GMT", now), std::nullopt);
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 7:28:00 GMT", now), std::nullopt);
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 15 07:28:00 GMT", now), std::nullopt);
    // The obsolete RFC 850 and asctime forms are not IMF-fixdates.
    EXPECT_EQ(parseRetryAfter("Wednesday, 21-Oct-15 07:28:00 GMT", now), std::nullopt);
    EXPECT_EQ(parseRetryAfter("Wed Oct 21 07:28:00 2015", now), std::nullopt);
}
