#include "core/config/YamlTopLevelBlock.h"

#include <gtest/gtest.h>

using switchboard::core::config::YamlTopLevelBlock;

TEST(YamlTopLevelBlockTest, ReplacesTheBlockAndKeepsEverythingAroundIt) {
    const std::string text = "# Shop widget\n"
                             "name: Shop\n"
                             "\n"
                             "handover:\n"
                             "  # old comment\n"
                             "  enabled: false\n"
                             "  methods:\n"
                             "    portal: { channel: portal }\n"
                             "\n"
                             "# Who is emailed\n"
                             "notifications:\n"
                             "  email_agents: { to: [a@example.com] }\n";
    EXPECT_EQ(YamlTopLevelBlock::replace(text, "handover", "handover:\n  enabled: true\n"),
              "# Shop widget\n"
              "name: Shop\n"
              "\n"
              "handover:\n"
              "  enabled: true\n"
              "\n"
              "# Who is emailed\n"
              "notifications:\n"
              "  email_agents: { to: [a@example.com] }\n");
}

TEST(YamlTopLevelBlockTest, TheLastBlockAndAMissingBlock) {
    EXPECT_EQ(YamlTopLevelBlock::replace("name: Shop\nhandover:\n  enabled: false\n", "handover", "handover: {}\n"),
              "name: Shop\nhandover: {}\n");
    EXPECT_EQ(YamlTopLevelBlock::replace("name: Shop", "handover", "handover: {}\n"), "name: Shop\nhandover: {}\n");
}

TEST(YamlTopLevelBlockTest, MatchesOnlyTheWholeTopLevelKey) {
    const std::string text = "handover_note: keep\nother:\n  handover: nested stays\nhandover: {enabled: false}\n";
    EXPECT_EQ(YamlTopLevelBlock::replace(text, "handover", "handover: {enabled: true}\n"),
              "handover_note: keep\nother:\n  handover: nested stays\nhandover: {enabled: true}\n");
}
