#include "core/conversation/SystemMessageWriter.h"

#include "core/store/ConversationRepository.h"
#include "core/store/MessageRepository.h"
#include "core/store/VisitorRepository.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace switchboard::core;

namespace {

class SystemMessageWriterTest : public ::testing::Test {
protected:
    SystemMessageWriterTest() {
        conversation::Visitor visitor;
        visitor.id = "visitor-1";
        visitor.widgetId = "demo";
        visitor.firstSeenAt = visitor.lastSeenAt = 1000;
        conversation::Conversation c;
        c.id = "conversation-1";
        c.widgetId = "demo";
        c.visitorId = visitor.id;
        c.lastSeq = 1;
        c.unreadByAgent = 1;
        c.lastMessageText = "Is my order on its way?";
        c.lastMessageSender = "visitor";
        c.firstMessageAt = c.lastMessageAt = 1500;
        c.activityAt = c.createdAt = c.updatedAt = 1500;
        conversation::Message question;
        question.id = "message-1";
        question.conversationId = c.id;
        question.seq = 1;
        question.senderType = "visitor";
        question.senderId = visitor.id;
        question.text = *c.lastMessageText;
        question.createdAt = 1500;
        database->write([&](store::Sql& sql) {
            store::VisitorRepository().insert(sql, visitor, "token-1");
            conversations.insert(sql, c);
            conversations.save(sql, c);
            store::MessageRepository().insert(sql, question);
        });
    }

    /// Appends `text` the way a service does: inside its own transaction, with the conversation locked.
    conversation::Message append(const std::string& text, std::int64_t at) {
        return database->write([&](store::Sql& sql) {
            auto c = conversations.findForUpdate(sql, "conversation-1");
            return writer.append(sql, *c, text, at);
        });
    }

    conversation::Conversation stored() {
        return *database->read([&](store::Sql& sql) { return conversations.find(sql, "conversation-1"); });
    }

    std::vector<conversation::Message> messages() {
        return database->read([&](store::Sql& sql) { return store::MessageRepository().listAfter(sql, "conversation-1", 0, 10); });
    }

    switchboard::tests::TestDatabase database;
    store::ConversationRepository conversations;
    conversation::SystemMessageWriter writer;
};

TEST_F(SystemMessageWriterTest, StoresTheTextAsTheNextMessageFromSystem) {
    const auto message = append("An agent will join this chat shortly.", 2000);
    EXPECT_FALSE(message.id.empty());
    EXPECT_EQ(message.conversationId, "conversation-1");
    EXPECT_EQ(message.seq, 2);
    EXPECT_EQ(message.senderType, "system");
    EXPECT_FALSE(message.senderId);
    EXPECT_FALSE(message.senderName);
    EXPECT_FALSE(message.clientMsgId);
    EXPECT_EQ(message.createdAt, 2000);

    const auto all = messages();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[1].id, message.id);
    EXPECT_EQ(all[1].seq, 2);
    EXPECT_EQ(all[1].senderType, "system");
    EXPECT_EQ(all[1].text, "An agent will join this chat shortly.");
}

TEST_F(SystemMessageWriterTest, TheConversationShowsItAsItsLastMessageInMemoryAndStored) {
    const auto inMemory = database->write([&](store::Sql& sql) {
        auto c = conversations.findForUpdate(sql, "conversation-1");
        writer.append(sql, *c, "We'll reply by email.", 2000);
        return *c;
    });
    // MessageTotals decides every field; here: the writer applied it and saved the result.
    for (const auto& c : {inMemory, stored()}) {
        EXPECT_EQ(c.lastSeq, 2);
        EXPECT_EQ(c.lastMessageText, "We'll reply by email.");
        EXPECT_EQ(c.lastMessageSender, "system");
        EXPECT_EQ(c.activityAt, 2000);
    }
}

TEST_F(SystemMessageWriterTest, ItIsUnreadForNobody) {
    append("An agent will join this chat shortly.", 2000);
    const auto c = stored();
    EXPECT_EQ(c.unreadByAgent, 1); // the visitor's message, still unread
    EXPECT_EQ(c.unreadByVisitor, 0);
    const auto unreadForAgents = database->read([&](store::Sql& sql) {
        return store::MessageRepository().countUnreadAfter(sql, "conversation-1", store::MessageRepository::Reader::Agent, 0);
    });
    EXPECT_EQ(unreadForAgents, 1);
}

TEST_F(SystemMessageWriterTest, ConsecutiveTextsTakeConsecutiveSequenceNumbers) {
    EXPECT_EQ(append("first", 2000).seq, 2);
    EXPECT_EQ(append("second", 3000).seq, 3);
    EXPECT_EQ(stored().lastSeq, 3);
    EXPECT_EQ(messages().size(), 3u);
}

TEST_F(SystemMessageWriterTest, AnEmptyTextIsRefusedAndNothingIsStored) {
    EXPECT_THROW(append("", 2000), std::invalid_argument);
    EXPECT_EQ(messages().size(), 1u);
    EXPECT_EQ(stored().lastSeq, 1);
}

} // namespace
