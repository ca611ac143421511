#include "switchboard/sdk/SettingsReader.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace std::chrono_literals;
using switchboard::sdk::SettingErrors;
using switchboard::sdk::Settings;
using switchboard::sdk::SettingsReader;
using Required = SettingsReader::Required;

namespace {

/// The one problem the reader has, as "key: message", or a note that there is not exactly one.
std::string onlyProblem(const SettingsReader& reader) {
    const auto problems = reader.problems();
    if (problems.size() != 1) return std::to_string(problems.size()) + " problems";
    return problems[0].key + ": " + problems[0].message;
}

bool mentions(const SettingErrors& problems, const std::string& text) {
    return std::any_of(problems.begin(), problems.end(), [&](const auto& problem) {
        return problem.key.find(text) != std::string::npos || problem.message.find(text) != std::string::npos;
    });
}

} // namespace

// string

TEST(SettingsReaderTest, StringIsTheValueOrTheFallback) {
    SettingsReader reader(Settings{{"greeting", "Hello"}, {"empty", ""}});
    EXPECT_EQ(reader.string("greeting", "Hi"), "Hello");
    EXPECT_EQ(reader.string("empty", "Hi"), "");
    EXPECT_EQ(reader.string("absent", "Hi"), "Hi");
    EXPECT_TRUE(reader.problems().empty());
}

TEST(SettingsReaderTest, ARequiredKeyThatIsAbsentOrEmptyIsAProblemSayingWhatItIsFor) {
    SettingsReader reader(Settings{{"empty", ""}});
    EXPECT_EQ(reader.string("token", Required{"the provider's API token"}), std::nullopt);
    EXPECT_EQ(reader.string("empty", Required{}), std::nullopt);
    const auto problems = reader.problems();
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].key, "empty");
    EXPECT_EQ(problems[0].message, "is required");
    EXPECT_EQ(problems[1].key, "token");
    EXPECT_EQ(problems[1].message, "is required: the provider's API token");
}

// integer

TEST(SettingsReaderTest, IntegerIsAWholeNumberWithinItsRange) {
    SettingsReader reader(Settings{{"port", "8080"}, {"offset", "-5"}});
    EXPECT_EQ(reader.integer("port", 80, {1, 65535}), 8080);
    EXPECT_EQ(reader.integer("offset", 0), -5);
    EXPECT_EQ(reader.integer("absent", 3, {1, 10}), 3);
    EXPECT_EQ(reader.integer("port", {1, 65535}, Required{}), 8080);
    EXPECT_TRUE(reader.problems().empty());
}

TEST(SettingsReaderTest, AnIntegerOutOfRangeOrNotWholeIsAProblemNamingTheRange) {
    for (const std::string value : {"0", "65536", "12.5", "8080x", " 80", "", "99999999999999999999"}) {
        SettingsReader reader(Settings{{"port", value}});
        EXPECT_EQ(reader.integer("port", 80, {1, 65535}), 80) << value;
        EXPECT_EQ(onlyProblem(reader), "port: must be a whole number from 1 to 65535, not \"" + value + "\"");
    }
    SettingsReader atLeast(Settings{{"retries", "-1"}});
    atLeast.integer("retries", 0, {.min = 0});
    EXPECT_EQ(onlyProblem(atLeast), "retries: must be a whole number of at least 0, not \"-1\"");
}

// boolean

TEST(SettingsReaderTest, BooleanIsTrueOrFalseAndNothingElse) {
    SettingsReader reader(Settings{{"on", "true"}, {"off", "false"}, {"yes", "yes"}});
    EXPECT_TRUE(reader.boolean("on", false));
    EXPECT_FALSE(reader.boolean("off", true));
    EXPECT_TRUE(reader.boolean("absent", true));
    EXPECT_TRUE(reader.boolean("yes", true));
    EXPECT_EQ(onlyProblem(reader), "yes: must be true or false, not \"yes\"");
    SettingsReader required(Settings{});
    EXPECT_EQ(required.boolean("on", Required{}), std::nullopt);
    EXPECT_EQ(onlyProblem(required), "on: is required");
}

// list

TEST(SettingsReaderTest, ListReadsHubYamlItemsInIndexOrder) {
    // As hub.yaml's `cc: [a, b, ..., k]` arrives: index 10 sorts before 2 as text, not as a number.
    Settings settings;
    for (int i = 0; i <= 10; ++i) settings["cc." + std::to_string(i)] = "agent" + std::to_string(i) + "@example.com";
    SettingsReader reader(settings);
    const auto list = reader.list("cc");
    ASSERT_EQ(list.size(), 11u);
    EXPECT_EQ(list[2], "agent2@example.com");
    EXPECT_EQ(list[10], "agent10@example.com");
    EXPECT_TRUE(reader.problems().empty());
}

TEST(SettingsReaderTest, ListSplitsOneValueOnCommas) {
    SettingsReader reader(Settings{{"to", " a@example.com, b@example.com ,,"}});
    EXPECT_EQ(reader.list("to"), (std::vector<std::string>{"a@example.com", "b@example.com"}));
    EXPECT_EQ(reader.list("absent", std::vector<std::string>{"x"}), std::vector<std::string>{"x"});
    EXPECT_TRUE(reader.problems().empty());
}

TEST(SettingsReaderTest, ARequiredListNeedsAnItem) {
    SettingsReader reader(Settings{{"to", " , "}});
    EXPECT_EQ(reader.list("to", Required{"who is told"}), std::nullopt);
    EXPECT_EQ(onlyProblem(reader), "to: is required: who is told");
}

// duration

TEST(SettingsReaderTest, DurationTakesSecondsMinutesAndHours) {
    SettingsReader reader(Settings{{"plain", "90"}, {"s", "30s"}, {"m", "5m"}, {"h", "2h"}});
    EXPECT_EQ(reader.duration("plain", 0s), 90s);
    EXPECT_EQ(reader.duration("s", 0s), 30s);
    EXPECT_EQ(reader.duration("m", 0s), 5min);
    EXPECT_EQ(reader.duration("h", 0s), 2h);
    EXPECT_EQ(reader.duration("absent", 45s), 45s);
    EXPECT_EQ(reader.duration("m", {}, Required{}), 5min);
    EXPECT_TRUE(reader.problems().empty());
}

TEST(SettingsReaderTest, AMalformedOrOutOfRangeDurationIsAProblemNamingTheForms) {
    for (const std::string value : {"5d", "1h30m", "-5s", "1.5h", "m", "", "99999999999999999999h", "2h"}) {
        SettingsReader reader(Settings{{"timeout", value}});
        EXPECT_EQ(reader.duration("timeout", 10s, {1s, 1h}), 10s) << value;
        EXPECT_EQ(onlyProblem(reader), "timeout: must be a duration in seconds (90 or 90s), minutes (5m) or hours "
                                       "(2h), from 1s to 1h, not \"" + value + "\"");
    }
}

// secret

TEST(SettingsReaderTest, ASecretsProblemsNeverQuoteIt) {
    SettingsReader reader(Settings{{"token", "hunter2"}, {"key", "abc"}});
    EXPECT_EQ(reader.secret("token", Required{}, 6), "hunter2");
    EXPECT_EQ(reader.secret("key", "fallback", 16), "fallback");
    EXPECT_EQ(onlyProblem(reader), "key: is too short: it needs at least 16 characters");
    EXPECT_FALSE(mentions(reader.problems(), "abc"));
}

// httpUrl

TEST(SettingsReaderTest, HttpUrlIsAnHttpOrHttpsUrlWithItsHost) {
    SettingsReader reader(
        Settings{{"url", "https://crm.example/hooks?token=x"}, {"local", "http://127.0.0.1:9090/in"}});
    const auto url = reader.httpUrl("url", Required{});
    ASSERT_TRUE(url);
    EXPECT_EQ(url->text, "https://crm.example/hooks?token=x");
    EXPECT_EQ(url->host, "crm.example");
    EXPECT_EQ(reader.httpUrl("local", Required{})->host, "127.0.0.1");
    EXPECT_EQ(reader.httpUrl("absent", {"https://api.example", "api.example"}).host, "api.example");
    EXPECT_TRUE(reader.problems().empty());
}

TEST(SettingsReaderTest, ABadUrlIsAProblemThatDoesNotQuoteIt) {
    for (const std::string url : {"ftp://crm.example/secret-path", "crm.example/secret-path", "https:///secret-path",
                                  "https://crm.example:99999/secret-path", "https://crm example/secret-path",
                                  "http://[::1/secret-path"}) {
        SettingsReader reader(Settings{{"url", url}});
        EXPECT_EQ(reader.httpUrl("url", Required{}), std::nullopt) << url;
        const auto problems = reader.problems();
        ASSERT_EQ(problems.size(), 1u) << url;
        EXPECT_EQ(problems[0].key, "url");
        EXPECT_FALSE(mentions(problems, "secret-path")) << problems[0].message;
    }
}

// email

TEST(SettingsReaderTest, EmailIsOneAddress) {
    SettingsReader reader(Settings{{"from", "support+chat@mail.example.com"}});
    EXPECT_EQ(reader.email("from", Required{}), "support+chat@mail.example.com");
    EXPECT_TRUE(reader.problems().empty());
    for (const std::string value : {"support", "@example.com", "support@", "support@localhost", "a b@example.com",
                                    "Support <support@example.com>", "a@b@example.com", "support@-example.com",
                                    "support@example..com"}) {
        SettingsReader bad(Settings{{"from", value}});
        EXPECT_EQ(bad.email("from", "x@example.com"), "x@example.com") << value;
        EXPECT_EQ(onlyProblem(bad), "from: must be one email address such as support@example.com") << value;
    }
}

// phone

TEST(SettingsReaderTest, PhoneIsAnE164Number) {
    SettingsReader reader(Settings{{"from", "+447700900123"}});
    EXPECT_EQ(reader.phone("from", Required{}), "+447700900123");
    EXPECT_TRUE(reader.problems().empty());
    for (const std::string value : {"447700900123", "+44 7700 900123", "+0447700900", "+1234567", "+1234567890123456",
                                    "+", "+44-7700"}) {
        SettingsReader bad(Settings{{"from", value}});
        EXPECT_EQ(bad.phone("from", ""), "") << value;
        EXPECT_EQ(bad.problems().size(), 1u) << value;
        EXPECT_TRUE(mentions(bad.problems(), "E.164")) << value;
    }
}

// unknown keys

TEST(SettingsReaderTest, AKeyNobodyReadIsUnknownWithTheNearestKnownKeySuggested) {
    SettingsReader reader(Settings{{"urll", "https://crm.example"}, {"secert", "s"}, {"colour", "red"}});
    reader.httpUrl("url", SettingsReader::HttpUrl{});
    reader.secret("secret", "");
    EXPECT_EQ(reader.unknownKeys(), (std::vector<std::string>{"colour", "secert", "urll"}));
    const auto problems = reader.problems();
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].key, "colour");
    EXPECT_EQ(problems[0].message, "unknown setting 'colour' (the settings are 'secret', 'url')");
    EXPECT_EQ(problems[1].message, "unknown setting 'secert' (did you mean 'secret'?)");
    EXPECT_EQ(problems[2].message, "unknown setting 'urll' (did you mean 'url'?)");
}

TEST(SettingsReaderTest, WhereNothingIsReadEveryKeyIsUnknown) {
    SettingsReader reader(Settings{{"queue", "sales"}});
    EXPECT_EQ(onlyProblem(reader), "queue: unknown setting 'queue' (none are taken here)");
}

TEST(SettingsReaderTest, AnUnknownListCountsOnceAndAKnownListsItemsAreKnown) {
    SettingsReader reader(Settings{{"cc.0", "a@example.com"}, {"cc.1", "b@example.com"}, {"bcc.0", "c@example.com"}});
    reader.list("cc");
    EXPECT_EQ(reader.unknownKeys(), std::vector<std::string>{"bcc"});
}

TEST(SettingsReaderTest, AllProblemsAreCollectedInKeyOrder) {
    SettingsReader reader(Settings{{"b_port", "x"}, {"a_flag", "maybe"}, {"zz", "1"}});
    reader.integer("b_port", 1, {1, 2});
    reader.boolean("a_flag", false);
    reader.string("c_name", Required{});
    reader.report("b_port", "is taken by another instance");
    const auto problems = reader.problems();
    ASSERT_EQ(problems.size(), 5u);
    EXPECT_EQ(problems[0].key, "a_flag");
    EXPECT_EQ(problems[1].key, "b_port");
    EXPECT_EQ(problems[2].message, "is taken by another instance");
    EXPECT_EQ(problems[3].key, "c_name");
    EXPECT_EQ(problems[4].key, "zz");
}
