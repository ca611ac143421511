#include "core/common/TimeZone.h"

#include "core/common/Time.h"

#include "tests/support/Instant.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace switchboard::core::common;

using switchboard::tests::epochSeconds;

namespace {

std::string loadError(const std::string& name, const fs::path& root = TimeZone::DefaultRoot) {
    try {
        TimeZone::load(name, root);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected '" << name << "' to be refused";
    return {};
}

void appendBigEndian(std::string& out, std::uint64_t value, int bytes) {
    for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xff);
}

/// A version 1 TZif file with the types +01:00 "ONE" and +02:00 "TWO", starting in ONE; each transition switches
/// to the other type.
std::string versionOneFile(const std::vector<std::int32_t>& transitions, std::uint8_t secondAbbreviation = 4) {
    std::string data = "TZif";
    data += std::string(16, '\0');
    // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
    const std::uint64_t counts[] = {0, 0, 0, transitions.size(), 2, 8};
    for (const auto count : counts) appendBigEndian(data, count, 4);
    for (const auto transition : transitions) appendBigEndian(data, static_cast<std::uint32_t>(transition), 4);
    for (std::size_t i = 0; i < transitions.size(); ++i) data += static_cast<char>((i + 1) % 2);
    appendBigEndian(data, 3600, 4);
    data += std::string("\x00\x00", 2);
    appendBigEndian(data, 7200, 4);
    data += '\0';
    data += static_cast<char>(secondAbbreviation);
    data += std::string("ONE\0TWO\0", 8);
    return data;
}

class TimeZoneFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
        _root = fs::temp_directory_path() / ("switchboard-tz-" + std::to_string(::getpid()) + "-" + name);
        fs::remove_all(_root);
        fs::create_directories(_root / "Test");
    }

    void TearDown() override { fs::remove_all(_root); }

    void write(const std::string& name, const std::string& data) const {
        std::ofstream(_root / name, std::ios::binary) << data;
    }

    std::string systemZone(const std::string& name) const {
        std::ifstream in(fs::path(TimeZone::DefaultRoot) / name, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }

    fs::path _root;
};

} // namespace

TEST(TimeZoneTest, LondonAcrossThe2026Changes) {
    const auto london = TimeZone::load("Europe/London");
    EXPECT_EQ(london->name(), "Europe/London");
    EXPECT_EQ(london->offsetSeconds(epochSeconds("2026-01-15T12:00:00Z")), 0);
    EXPECT_EQ(london->offsetSeconds(epochSeconds("2026-03-29T00:59:59Z")), 0);
    EXPECT_EQ(london->offsetSeconds(epochSeconds("2026-03-29T01:00:00Z")), 3600);
    EXPECT_EQ(london->offsetSeconds(epochSeconds("2026-10-25T00:59:59Z")), 3600);
    EXPECT_EQ(london->offsetSeconds(epochSeconds("2026-10-25T01:00:00Z")), 0);
    EXPECT_EQ(london->nextTransitionSeconds(epochSeconds("2026-01-15T12:00:00Z")), epochSeconds("2026-03-29T01:00:00Z"));
    EXPECT_EQ(london->nextTransitionSeconds(epochSeconds("2026-03-29T01:00:00Z")), epochSeconds("2026-10-25T01:00:00Z"));
}

TEST(TimeZoneTest, NewYork) {
    const auto newYork = TimeZone::load("America/New_York");
    EXPECT_EQ(newYork->offsetSeconds(epochSeconds("2026-03-08T06:59:59Z")), -5 * 3600);
    EXPECT_EQ(newYork->offsetSeconds(epochSeconds("2026-03-08T07:00:00Z")), -4 * 3600);
    EXPECT_EQ(newYork->offsetSeconds(epochSeconds("2026-11-01T05:59:59Z")), -4 * 3600);
    EXPECT_EQ(newYork->offsetSeconds(epochSeconds("2026-11-01T06:00:00Z")), -5 * 3600);
}

TEST(TimeZoneTest, LordHoweMovesHalfAnHour) {
    const auto lordHowe = TimeZone::load("Australia/Lord_Howe");
    EXPECT_EQ(lordHowe->offsetSeconds(epochSeconds("2026-04-04T14:59:59Z")), 11 * 3600);
    EXPECT_EQ(lordHowe->offsetSeconds(epochSeconds("2026-04-04T15:00:00Z")), 10 * 3600 + 1800);
    EXPECT_EQ(lordHowe->offsetSeconds(epochSeconds("2026-10-03T15:29:59Z")), 10 * 3600 + 1800);
    EXPECT_EQ(lordHowe->offsetSeconds(epochSeconds("2026-10-03T15:30:00Z")), 11 * 3600);
}

TEST(TimeZoneTest, KolkataIsFiveAndAHalfHoursAheadAndHasHistory) {
    const auto kolkata = TimeZone::load("Asia/Kolkata");
    EXPECT_EQ(kolkata->offsetSeconds(epochSeconds("2026-06-01T00:00:00Z")), 5 * 3600 + 1800);
    EXPECT_EQ(kolkata->offsetSeconds(epochSeconds("1943-01-01T00:00:00Z")), 6 * 3600 + 1800); // war time
    EXPECT_EQ(kolkata->offsetSeconds(epochSeconds("1800-01-01T00:00:00Z")), 5 * 3600 + 53 * 60 + 28); // local mean time
    EXPECT_EQ(kolkata->nextTransitionSeconds(epochSeconds("2026-06-01T00:00:00Z")), std::nullopt);
}

TEST(TimeZoneTest, FooterRuleAppliesAfterTheLastTransition) {
    // Zone files list transitions up to 2037 at most; later instants come from the TZ string at their end.
    const auto london = TimeZone::load("Europe/London");
    EXPECT_EQ(london->offsetSeconds(epochSeconds("2100-03-28T00:59:59Z")), 0);
    EXPECT_EQ(london->offsetSeconds(epochSeconds("2100-03-28T01:00:00Z")), 3600);
    EXPECT_EQ(london->offsetSeconds(epochSeconds("2100-10-31T01:00:00Z")), 0);
    EXPECT_EQ(london->nextTransitionSeconds(epochSeconds("2100-01-01T00:00:00Z")), epochSeconds("2100-03-28T01:00:00Z"));
    const auto newYork = TimeZone::load("America/New_York");
    EXPECT_EQ(newYork->offsetSeconds(epochSeconds("2300-07-04T12:00:00Z")), -4 * 3600);
}

TEST(TimeZoneTest, UtcNeedsNoFiles) {
    const auto utc = TimeZone::load("UTC", "/nonexistent");
    EXPECT_EQ(utc->name(), "UTC");
    EXPECT_EQ(utc->offsetSeconds(epochSeconds("2026-07-01T00:00:00Z")), 0);
    EXPECT_EQ(utc->nextTransitionSeconds(0), std::nullopt);
}

TEST(TimeZoneTest, UnknownZoneIsAnError) {
    const auto message = loadError("Mars/Olympus_Mons");
    EXPECT_NE(message.find("unknown time zone 'Mars/Olympus_Mons'"), std::string::npos) << message;
    EXPECT_NE(loadError("Europe").find("unknown time zone"), std::string::npos); // a folder, not a zone
}

TEST(TimeZoneTest, NamesOutsideTheZoneFolderAreRefused) {
    for (const char* name : {"../etc/passwd", "Europe/../../etc/passwd", "/etc/passwd", ""}) {
        const auto message = loadError(name);
        EXPECT_NE(message.find("refused"), std::string::npos) << name << ": " << message;
    }
}

TEST(TimeZoneTest, EachZoneIsReadOnceEvenByThreadsRacingForIt) {
    std::vector<std::shared_ptr<const TimeZone>> loaded(8);
    std::vector<std::thread> threads;
    for (auto& zone : loaded) threads.emplace_back([&zone] { zone = TimeZone::load("Pacific/Auckland"); });
    for (auto& thread : threads) thread.join();
    for (const auto& zone : loaded) EXPECT_EQ(zone, TimeZone::load("Pacific/Auckland"));
}

TEST_F(TimeZoneFilesTest, ReadsZonesUnderAnyRootAndCachesThem) {
    write("Test/London", systemZone("Europe/London"));
    const auto zone = TimeZone::load("Test/London", _root);
    EXPECT_EQ(zone->offsetSeconds(epochSeconds("2026-07-01T00:00:00Z")), 3600);
    fs::remove(_root / "Test/London");
    EXPECT_EQ(TimeZone::load("Test/London", _root), zone);
}

TEST_F(TimeZoneFilesTest, ReadsVersionOneFiles) {
    write("Test/One", versionOneFile({1'000'000, 2'000'000}));
    const auto zone = TimeZone::load("Test/One", _root);
    EXPECT_EQ(zone->offsetSeconds(999'999), 3600);
    EXPECT_EQ(zone->offsetSeconds(1'000'000), 7200);
    EXPECT_EQ(zone->offsetSeconds(2'000'000), 3600);
    EXPECT_EQ(zone->offsetSeconds(epochSeconds("2100-01-01T00:00:00Z")), 3600);
    EXPECT_EQ(zone->offsetSeconds(-1), 3600);
    EXPECT_EQ(zone->nextTransitionSeconds(0), 1'000'000);
    EXPECT_EQ(zone->nextTransitionSeconds(2'000'000), std::nullopt);
}

TEST_F(TimeZoneFilesTest, CorruptFilesAreRefused) {
    const std::string london = systemZone("Europe/London");
    ASSERT_GT(london.size(), 1000u);
    std::string badFooter = london;
    badFooter.replace(badFooter.rfind("GMT0BST"), 7, "GMT0BS?");
    const std::pair<const char*, std::string> cases[] = {
        {"Test/Text", "not a zone file\n"},
        {"Test/Empty", ""},
        {"Test/Truncated", london.substr(0, london.size() / 2)},
        {"Test/NoFooterNewline", london.substr(0, london.size() - 1)},
        {"Test/Trailing", london + "x"},
        {"Test/BadFooter", badFooter},
        {"Test/BadAbbreviation", versionOneFile({1'000'000}, 9)},
        {"Test/Unsorted", versionOneFile({2'000'000, 1'000'000})},
        {"Test/ShortVersionOne", versionOneFile({1'000'000}).substr(0, 60)},
    };
    for (const auto& [name, data] : cases) {
        write(name, data);
        const auto message = loadError(name, _root);
        EXPECT_NE(message.find("is not a valid zone file"), std::string::npos) << name << ": " << message;
    }
}
