#include "core/config/KeyLocator.h"
#include "tests/support/ScratchPath.h"

#include <gtest/gtest.h>

#include <fstream>

using switchboard::core::config::KeyLocator;

namespace {

class KeyLocatorTest : public ::testing::Test {
protected:
    KeyLocatorTest() {
        std::ofstream(file.path()) << "server:\n"
                                      "  port: 8080\n"
                                      "channels:\n"
                                      "  crm:\n"
                                      "    plugin: webhook\n"
                                      "    settings:\n"
                                      "      url: https://crm.example.com\n"
                                      "      auth.header: X-Key\n"
                                      "      retry:\n"
                                      "        codes: [500, 503]\n";
    }

    switchboard::tests::ScratchPath file{"key-locator.yaml"};
};

TEST_F(KeyLocatorTest, FindsTheLineOfANestedKey) {
    EXPECT_EQ(KeyLocator::lineOf(file.path().string(), "server.port"), 2);
    EXPECT_EQ(KeyLocator::lineOf(file.path().string(), "channels.crm.settings.url"), 7);
}

TEST_F(KeyLocatorTest, FindsAKeyWrittenWithDotsAndAListItem) {
    EXPECT_EQ(KeyLocator::lineOf(file.path().string(), "channels.crm.settings.auth.header"), 8);
    EXPECT_EQ(KeyLocator::lineOf(file.path().string(), "channels.crm.settings.retry.codes.1"), 10);
}

TEST_F(KeyLocatorTest, AKeyTheFileLacksIsReportedWhereItsParentIs) {
    EXPECT_EQ(KeyLocator::lineOf(file.path().string(), "channels.crm.settings.colour"), 6);
    EXPECT_EQ(KeyLocator::lineOf(file.path().string(), "channels.crm.settings"), 6);
}

TEST_F(KeyLocatorTest, NothingIsFoundInAFileThatCannotBeReadOrForAnUnknownTopLevelKey) {
    EXPECT_EQ(KeyLocator::lineOf(file.path().string() + ".missing", "server.port"), 0);
    EXPECT_EQ(KeyLocator::lineOf(file.path().string(), "database.url"), 0);
}

TEST_F(KeyLocatorTest, FindsAKeyInTextNotWrittenToAFile) {
    const std::string text = "# a widget\n"
                             "handover:\n"
                             "  methods:\n"
                             "    crm:\n"
                             "      channel: webhook\n"
                             "      secret: short\n";
    EXPECT_EQ(KeyLocator::lineIn(text, "handover.methods.crm.secret"), 6);
    EXPECT_EQ(KeyLocator::lineIn(text, "handover.methods.crm.url"), 4);
    EXPECT_EQ(KeyLocator::lineIn("handover: [unclosed", "handover.methods"), 0);
}

} // namespace
