#include "core/conversation/MessageStatusAnnouncer.h"
#include "core/events/EventNames.h"
#include "core/store/VisitorRepository.h"
#include "tests/support/RecordingEventBus.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
namespace names = events::names;

namespace {

class MessageStatusAnnouncerTest : public ::testing::Test {
protected:
    MessageStatusAnnouncerTest() : events(bus), announcer(*database, events) {
        conversation::Visitor visitor;
        visitor.id = "visitor-1";
        visitor.widgetId = "demo";
        conversation::Conversation c;
        c.id = "conversation-1";
        c.widgetId = "demo";
        c.visitorId = visitor.id;
        c.assignedAgentId = "agent-1";
        database->write([&](store::Sql& sql) {
            store::VisitorRepository().insert(sql, visitor, "token");
            store::ConversationRepository().insert(sql, c);
        });
    }

    switchboard::tests::TestDatabase database;
    switchboard::tests::RecordingEventBus bus;
    conversation::ConversationEvents events;
    conversation::MessageStatusAnnouncer announcer;
};

TEST_F(MessageStatusAnnouncerTest, AMessagesDeliveryIsAnnouncedToTheConversationsAgents) {
    handover::OutboxDelivery delivery;
    delivery.id = "delivery-1";
    delivery.kind = switchboard::sdk::DeliveryKind::AgentMessage;
    delivery.conversationId = "conversation-1";
    delivery.messageId = "message-1";
    delivery.channel = "whatsapp";
    delivery.status = handover::DeliveryStatus::Delivered;
    announcer.changed(delivery);
    const auto published = bus.events();
    ASSERT_EQ(published.size(), 1u);
    EXPECT_EQ(published[0].name, names::MessageStatus);
    EXPECT_EQ(published[0].payload->getValue<std::string>("widget_id"), "demo");
    EXPECT_EQ(published[0].payload->getObject("delivery")->getValue<std::string>("status"), "sent");
    bool widgetAgents = false;
    for (const auto& room : published[0].rooms)
        widgetAgents = widgetAgents || (room.kind == events::Room::Kind::WidgetAgents && room.id == "demo");
    EXPECT_TRUE(widgetAgents);
}

TEST_F(MessageStatusAnnouncerTest, ADeliveryWithoutAMessageOrOfAConversationGoneIsNotAnnounced) {
    handover::OutboxDelivery request;
    request.id = "delivery-2";
    request.conversationId = "conversation-1";
    request.requestId = "request-1";
    announcer.changed(request);
    handover::OutboxDelivery gone;
    gone.id = "delivery-3";
    gone.conversationId = "conversation-deleted";
    gone.messageId = "message-9";
    announcer.changed(gone);
    EXPECT_TRUE(bus.events().empty());
}

} // namespace
