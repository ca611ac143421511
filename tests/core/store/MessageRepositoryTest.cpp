#include "core/store/MessageRepository.h"
#include "tests/core/store/ConversationSeed.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::TestDatabase;

namespace {

conversation::Conversation conversationNamed(const std::string& id) {
    conversation::Conversation conversation;
    conversation.id = id;
    conversation.widgetId = "demo";
    conversation.createdAt = 1000;
    return conversation;
}

std::vector<std::int64_t> seqsOf(const std::vector<conversation::Message>& messages) {
    std::vector<std::int64_t> seqs;
    for (const auto& message : messages) seqs.push_back(message.seq);
    return seqs;
}

TEST(MessageRepositoryTest, TheLatestMessagesOfSeveralConversationsComeOldestFirstByConversation) {
    TestDatabase database;
    switchboard::tests::seedConversation(*database, conversationNamed("long"),
                                         {"visitor", "bot", "visitor", "agent", "visitor"});
    switchboard::tests::seedConversation(*database, conversationNamed("short"), {"visitor", "bot"});
    switchboard::tests::seedConversation(*database, conversationNamed("silent"), {});

    const auto latest = database->read([&](store::Sql& sql) {
        return store::MessageRepository().latestOf(sql, {"long", "short", "silent", "long", "unknown"}, 3);
    });

    ASSERT_EQ(latest.size(), 2u); // none for a conversation without messages
    EXPECT_EQ(seqsOf(latest.at("long")), (std::vector<std::int64_t>{3, 4, 5}));
    EXPECT_EQ(latest.at("long").back().id, "long-m5");
    EXPECT_EQ(latest.at("long").back().senderType, "visitor");
    EXPECT_EQ(seqsOf(latest.at("short")), (std::vector<std::int64_t>{1, 2}));
    EXPECT_TRUE(database->read([&](store::Sql& sql) {
                            return store::MessageRepository().latestOf(sql, {"long"}, 0);
                        }).empty());
}

} // namespace
