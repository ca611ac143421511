#include "core/config/BusinessHoursCalendar.h"

#include "core/common/Time.h"

#include "tests/support/Instant.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace switchboard::core;
using config::BusinessHours;
using config::BusinessHoursCalendar;

using switchboard::tests::epochMs;

namespace {

BusinessHoursCalendar calendar(const std::string& zone, std::vector<config::BusinessHoursWindow> windows,
                               bool enabled = true) {
    BusinessHours hours;
    hours.enabled = enabled;
    hours.timezone = zone;
    hours.windows = std::move(windows);
    return BusinessHoursCalendar(hours, common::TimeZone::load(zone));
}

const std::vector<std::string> weekdays = {"mon", "tue", "wed", "thu", "fri"};
const std::vector<std::string> everyDay = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

} // namespace

TEST(BusinessHoursCalendarTest, OpenFromOpeningUntilJustBeforeClosing) {
    const auto office = calendar("Europe/London", {{weekdays, "09:00", "17:00"}});
    // Monday 12 January 2026: London is on GMT.
    EXPECT_FALSE(office.isOpen(epochMs("2026-01-12T08:59:59.999Z")));
    EXPECT_TRUE(office.isOpen(epochMs("2026-01-12T09:00:00Z")));
    EXPECT_TRUE(office.isOpen(epochMs("2026-01-12T16:59:59.999Z")));
    EXPECT_FALSE(office.isOpen(epochMs("2026-01-12T17:00:00Z")));
    EXPECT_EQ(office.nextChangeMs(epochMs("2026-01-12T08:00:00Z")), epochMs("2026-01-12T09:00:00Z"));
    EXPECT_EQ(office.nextChangeMs(epochMs("2026-01-12T09:00:00Z")), epochMs("2026-01-12T17:00:00Z"));
}

TEST(BusinessHoursCalendarTest, WindowsAreLocalTimeInSummerToo) {
    const auto office = calendar("Europe/London", {{weekdays, "09:00", "17:00"}});
    // Monday 13 July 2026: British Summer Time, UTC+1.
    EXPECT_FALSE(office.isOpen(epochMs("2026-07-13T07:59:59Z")));
    EXPECT_TRUE(office.isOpen(epochMs("2026-07-13T08:00:00Z")));
    EXPECT_TRUE(office.isOpen(epochMs("2026-07-13T15:59:59Z")));
    EXPECT_FALSE(office.isOpen(epochMs("2026-07-13T16:00:00Z")));
}

TEST(BusinessHoursCalendarTest, ClosedAtTheWeekendUntilMonday) {
    const auto office = calendar("Europe/London", {{weekdays, "09:00", "17:00"}});
    EXPECT_FALSE(office.isOpen(epochMs("2026-07-11T12:00:00Z"))); // Saturday
    EXPECT_FALSE(office.isOpen(epochMs("2026-07-12T12:00:00Z"))); // Sunday
    EXPECT_EQ(office.nextChangeMs(epochMs("2026-07-10T16:00:00Z")), epochMs("2026-07-13T08:00:00Z")); // Friday 17:00 local
}

TEST(BusinessHoursCalendarTest, ClosingAtMidnightCoversTheLastMinuteOfTheDay) {
    // Asia/Kolkata is UTC+5:30 all year; Friday 10 July 2026 18:00 local is 12:30 UTC.
    const auto evenings = calendar("Asia/Kolkata", {{{"fri"}, "18:00", "24:00"}});
    EXPECT_FALSE(evenings.isOpen(epochMs("2026-07-10T12:29:59Z")));
    EXPECT_TRUE(evenings.isOpen(epochMs("2026-07-10T12:30:00Z")));
    EXPECT_TRUE(evenings.isOpen(epochMs("2026-07-10T18:29:59.999Z"))); // 23:59:59.999 local
    EXPECT_FALSE(evenings.isOpen(epochMs("2026-07-10T18:30:00Z")));    // Saturday 00:00 local
    EXPECT_EQ(evenings.nextChangeMs(epochMs("2026-07-10T13:00:00Z")), epochMs("2026-07-10T18:30:00Z"));
}

TEST(BusinessHoursCalendarTest, WindowsThatMeetAtMidnightStayOpen) {
    const auto weekend = calendar("Asia/Kolkata", {{{"sat", "sun"}, "00:00", "24:00"}});
    EXPECT_TRUE(weekend.isOpen(epochMs("2026-07-11T18:29:59Z"))); // Saturday 23:59:59 local
    EXPECT_TRUE(weekend.isOpen(epochMs("2026-07-11T18:30:00Z"))); // Sunday 00:00 local
    // Closes at Monday 00:00 local, not at the midnight between the two days.
    EXPECT_EQ(weekend.nextChangeMs(epochMs("2026-07-11T06:00:00Z")), epochMs("2026-07-12T18:30:00Z"));
}

TEST(BusinessHoursCalendarTest, SpringForwardSkipsPartOfAWindow) {
    // Sunday 29 March 2026: at 01:00 UTC London's clocks go from 01:00 GMT to 02:00 BST.
    const auto night = calendar("Europe/London", {{{"sun"}, "01:30", "02:30"}});
    EXPECT_FALSE(night.isOpen(epochMs("2026-03-29T00:59:59Z")));
    EXPECT_TRUE(night.isOpen(epochMs("2026-03-29T01:00:00Z"))); // 02:00 BST
    EXPECT_FALSE(night.isOpen(epochMs("2026-03-29T01:30:00Z"))); // 02:30 BST
    EXPECT_EQ(night.nextChangeMs(epochMs("2026-03-29T00:30:00Z")), epochMs("2026-03-29T01:00:00Z"));
    EXPECT_EQ(night.nextChangeMs(epochMs("2026-03-29T01:00:00Z")), epochMs("2026-03-29T01:30:00Z"));

    const auto office = calendar("Europe/London", {{weekdays, "09:00", "17:00"}});
    EXPECT_EQ(office.nextChangeMs(epochMs("2026-03-27T18:00:00Z")), epochMs("2026-03-30T08:00:00Z"));
}

TEST(BusinessHoursCalendarTest, FallBackRepeatsAWindowHour) {
    // Sunday 25 October 2026: at 01:00 UTC London's clocks go from 02:00 BST back to 01:00 GMT, so the local
    // hour 01:00-02:00 happens twice and the window is open for two hours.
    const auto night = calendar("Europe/London", {{{"sun"}, "01:00", "02:00"}});
    EXPECT_EQ(night.nextChangeMs(epochMs("2026-10-24T23:30:00Z")), epochMs("2026-10-25T00:00:00Z"));
    EXPECT_TRUE(night.isOpen(epochMs("2026-10-25T00:00:00Z")));
    EXPECT_TRUE(night.isOpen(epochMs("2026-10-25T01:59:59Z")));
    EXPECT_EQ(night.nextChangeMs(epochMs("2026-10-25T00:00:00Z")), epochMs("2026-10-25T02:00:00Z"));
}

TEST(BusinessHoursCalendarTest, DisabledScheduleIsAlwaysOpen) {
    const auto off = calendar("Europe/London", {{{"mon"}, "09:00", "10:00"}}, false);
    EXPECT_TRUE(off.isOpen(epochMs("2026-07-11T03:00:00Z")));
    EXPECT_EQ(off.nextChangeMs(epochMs("2026-07-11T03:00:00Z")), std::nullopt);
}

TEST(BusinessHoursCalendarTest, ScheduleOpenAroundTheClockNeverChanges) {
    const auto always = calendar("Australia/Lord_Howe", {{everyDay, "00:00", "24:00"}});
    EXPECT_TRUE(always.isOpen(epochMs("2026-10-03T15:30:00Z")));
    EXPECT_EQ(always.nextChangeMs(epochMs("2026-10-01T00:00:00Z")), std::nullopt);
}

TEST(BusinessHoursCalendarTest, UtcSchedules) {
    const auto utc = calendar("UTC", {{{"thu"}, "00:00", "00:01"}});
    EXPECT_TRUE(utc.isOpen(0)); // 1970-01-01 was a Thursday
    EXPECT_FALSE(utc.isOpen(60'000));
    EXPECT_FALSE(utc.isOpen(-1));
    EXPECT_EQ(utc.nextChangeMs(-1), 0);
    EXPECT_EQ(utc.nextChangeMs(60'000), 7 * 86'400'000);
}

TEST(BusinessHoursCalendarTest, MalformedWindowsAreRefused) {
    EXPECT_THROW(calendar("UTC", {{{"monday"}, "09:00", "17:00"}}), std::invalid_argument);
    EXPECT_THROW(calendar("UTC", {{{"mon"}, "9:00", "17:00"}}), std::invalid_argument);
    EXPECT_THROW(calendar("UTC", {{{"mon"}, "09:00", "24:30"}}), std::invalid_argument);
}
