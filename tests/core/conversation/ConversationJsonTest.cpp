#include "core/conversation/ConversationJson.h"

#include <gtest/gtest.h>

#include <string>

using namespace switchboard::core::conversation;

namespace {

ConversationView handledConversation() {
    ConversationView view;
    auto& c = view.conversation;
    c.id = "c-1";
    c.widgetId = "demo";
    c.visitorId = "v-1";
    c.status = ConversationStatus::Active;
    c.priority = "urgent";
    c.assignedAgentId = "agent-1";
    c.subject = "Refund dispute";
    c.tags = {"vip", "chargeback-risk"};
    c.handoverMethod = "portal";
    c.lastSeq = 3;
    c.unreadByAgent = 1;
    c.unreadByVisitor = 2;
    c.lastMessageText = "On it";
    c.lastMessageSender = "agent";
    c.lastMessageAt = c.createdAt = c.updatedAt = 1000;
    view.visitor.id = "v-1";
    view.visitor.name = "Grace";
    view.visitor.customFieldsJson = R"({"plan":"gold"})";
    view.visitor.ip = "198.51.100.7";
    view.visitor.userAgent = "Browser/1.0";
    return view;
}

TEST(ConversationJsonTest, TheVisitorsViewCarriesNoneOfTheTeamsFields) {
    const auto json = ConversationJson::visitorConversation(handledConversation());
    for (const auto* field : {"tags", "subject", "priority", "assigned_agent_id", "handover_method", "updated_at",
                              "first_response_at"}) {
        EXPECT_FALSE(json->has(field)) << field;
    }
    const auto visitor = json->getObject("visitor");
    for (const auto* field : {"ip", "user_agent", "first_seen_at", "last_seen_at"})
        EXPECT_FALSE(visitor->has(field)) << field;

    EXPECT_EQ(json->getValue<std::string>("id"), "c-1");
    EXPECT_EQ(json->getValue<std::string>("status"), "active");
    EXPECT_EQ(json->getValue<int>("unread_count"), 2) << "what the visitor has not read";
    EXPECT_EQ(json->getObject("last_message")->getValue<std::string>("text"), "On it");
    EXPECT_EQ(visitor->getValue<std::string>("name"), "Grace");
    EXPECT_EQ(visitor->getObject("custom")->getValue<std::string>("plan"), "gold");
}

TEST(ConversationJsonTest, TheAgentsViewCarriesEverything) {
    const auto json = ConversationJson::conversation(handledConversation());
    EXPECT_EQ(json->getValue<std::string>("assigned_agent_id"), "agent-1");
    EXPECT_EQ(json->getValue<std::string>("subject"), "Refund dispute");
    EXPECT_EQ(json->getArray("tags")->size(), 2u);
    EXPECT_EQ(json->getValue<int>("unread_count"), 1) << "what no agent has read";
    EXPECT_EQ(json->getObject("visitor")->getValue<std::string>("ip"), "198.51.100.7");
}

} // namespace
