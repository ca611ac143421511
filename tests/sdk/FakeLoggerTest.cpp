#include "switchboard/sdk/testing/FakeLogger.h"

#include <gtest/gtest.h>

using switchboard::sdk::testing::FakeLogger;
using Level = switchboard::sdk::testing::FakeLogger::Level;

TEST(FakeLoggerTest, KeepsLinesPerLevelInOrder) {
    FakeLogger logger;
    logger.info("configured");
    logger.warning("slow answer");
    logger.info("delivered");
    logger.error("gave up");

    EXPECT_EQ(logger.lines(Level::Info), (std::vector<std::string>{"configured", "delivered"}));
    EXPECT_EQ(logger.lines(Level::Warning), (std::vector<std::string>{"slow answer"}));
    EXPECT_EQ(logger.lines(Level::Error), (std::vector<std::string>{"gave up"}));
}

TEST(FakeLoggerTest, ContainsLooksAtOneLevel) {
    FakeLogger logger;
    logger.warning("HTTP 503 from crm.example.com");
    EXPECT_TRUE(logger.contains(Level::Warning, "503"));
    EXPECT_FALSE(logger.contains(Level::Error, "503"));
    EXPECT_FALSE(logger.contains(Level::Warning, "404"));
}

TEST(FakeLoggerTest, ClearForgetsEverything) {
    FakeLogger logger;
    logger.error("x");
    logger.clear();
    EXPECT_TRUE(logger.lines(Level::Error).empty());
}
