#include "core/conversation/MessageTotals.h"

#include <gtest/gtest.h>

#include <string>

using namespace switchboard::core;

namespace {

conversation::Message messageAt(std::int64_t seq, std::int64_t at, std::string text, std::string sender = "visitor") {
    conversation::Message message;
    message.seq = seq;
    message.createdAt = at;
    message.text = std::move(text);
    message.senderType = std::move(sender);
    return message;
}

TEST(MessageTotalsTest, TheMessageBecomesTheConversationsLatest) {
    conversation::Conversation c;
    c.lastSeq = 4;
    c.unreadByAgent = 2;
    c.unreadByVisitor = 1;
    conversation::MessageTotals::add(c, messageAt(5, 9000, "An agent will join shortly.", "system"));
    EXPECT_EQ(c.lastSeq, 5);
    EXPECT_EQ(c.lastMessageText, "An agent will join shortly.");
    EXPECT_EQ(c.lastMessageSender, "system");
    EXPECT_EQ(c.lastMessageAt, 9000);
    EXPECT_EQ(c.firstMessageAt, 9000);
    EXPECT_EQ(c.activityAt, 9000);
    EXPECT_EQ(c.updatedAt, 9000);
    // Unread counters are the caller's: they depend on who sent it.
    EXPECT_EQ(c.unreadByAgent, 2);
    EXPECT_EQ(c.unreadByVisitor, 1);
}

TEST(MessageTotalsTest, TheFirstMessageTimeIsKept) {
    conversation::Conversation c;
    conversation::MessageTotals::add(c, messageAt(1, 1000, "hello"));
    conversation::MessageTotals::add(c, messageAt(2, 2000, "again"));
    EXPECT_EQ(c.firstMessageAt, 1000);
    EXPECT_EQ(c.lastMessageAt, 2000);
}

TEST(MessageTotalsTest, ThePreviewIsCutAfterPreviewCharsOnACharacterBoundary) {
    conversation::Conversation c;
    std::string text;
    for (std::size_t i = 0; i < conversation::MessageTotals::PreviewChars + 10; ++i) text += "é"; // two bytes each
    conversation::MessageTotals::add(c, messageAt(1, 1000, text));
    ASSERT_TRUE(c.lastMessageText);
    EXPECT_EQ(c.lastMessageText->size(), conversation::MessageTotals::PreviewChars * 2);
    EXPECT_EQ(*c.lastMessageText, text.substr(0, conversation::MessageTotals::PreviewChars * 2));
}

} // namespace
