#include "core/app/CommandLine.h"

#include <gtest/gtest.h>

#include <vector>

using switchboard::core::app::CommandLine;

namespace {

CommandLine parse(std::vector<std::string> words) {
    words.insert(words.begin(), "switchboard");
    std::vector<char*> argv;
    for (auto& word : words) argv.push_back(word.data());
    return CommandLine::parse(static_cast<int>(argv.size()), argv.data());
}

TEST(CommandLineTest, CreateAdminTakesTheEmailAndTheUsualOptions) {
    const auto line = parse({"create-admin", "boss@example.com", "--config", "/etc/switchboard/hub.yaml", "--db",
                             "sqlite:/var/lib/switchboard/hub.db"});
    EXPECT_EQ(line.command, CommandLine::Command::CreateAdmin);
    EXPECT_EQ(line.email, "boss@example.com");
    EXPECT_EQ(line.configPath, "/etc/switchboard/hub.yaml");
    EXPECT_EQ(line.databaseUrl, "sqlite:/var/lib/switchboard/hub.db");
}

TEST(CommandLineTest, CreateAdminWithoutAnEmailIsRefused) {
    EXPECT_THROW(parse({"create-admin"}), std::invalid_argument);
    EXPECT_THROW(parse({"create-admin", "--config", "hub.yaml"}), std::invalid_argument);
}

TEST(CommandLineTest, CheckConfigAndItsOverrides) {
    const auto line = parse({"check-config", "--port=9000"});
    EXPECT_EQ(line.command, CommandLine::Command::CheckConfig);
    EXPECT_EQ(line.port, 9000);
    EXPECT_FALSE(line.databaseUrl);
}

} // namespace
