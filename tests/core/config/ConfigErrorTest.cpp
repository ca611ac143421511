#include "core/config/ConfigError.h"

#include <gtest/gtest.h>

using namespace switchboard::core::config;

TEST(ConfigErrorTest, IssueReadsFileLineKeyAndMessage) {
    EXPECT_EQ((ConfigIssue{"hub.yaml", 3, "server.port", "must be a number"}).toString(),
              "hub.yaml:3: server.port: must be a number");
    EXPECT_EQ((ConfigIssue{"hub.yaml", 0, "", "cannot read the file"}).toString(), "hub.yaml: cannot read the file");
}

TEST(ConfigErrorTest, ControlCharactersQuotedFromTheFileAreEscaped) {
    // yaml-cpp quotes the offending byte: a NUL once cut what() short and hid every later issue.
    const ConfigIssue quoting{"hub.yaml", 1, "", std::string("unknown escape character: \0", 27)};
    EXPECT_EQ(quoting.toString(), "hub.yaml:1: unknown escape character: \\x00");
    const ConfigError error({quoting, {"hub.yaml", 2, "server", "tab\there"}});
    const std::string what = error.what();
    EXPECT_NE(what.find("\\x00"), std::string::npos) << what;
    EXPECT_NE(what.find("hub.yaml:2: server: tab\\x09here"), std::string::npos) << what;
}
