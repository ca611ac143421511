#include "core/conversation/ConversationEvents.h"

#include "core/events/EventNames.h"
#include "tests/support/RecordingEventBus.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
namespace names = switchboard::core::events::names;

namespace {

conversation::ConversationView resolvedView() {
    conversation::ConversationView view;
    view.conversation.id = "c-1";
    view.conversation.widgetId = "demo";
    view.conversation.status = conversation::ConversationStatus::Resolved;
    view.conversation.assignedAgentId = "agent-1";
    view.conversation.tags = {"vip"};
    view.visitor.id = "v-1";
    return view;
}

TEST(ConversationEventsTest, TheVisitorHearsANewMessageAndAgentsAlsoHowItsDeliveryToTheVisitorsChannelStands) {
    switchboard::tests::RecordingEventBus bus;
    conversation::ConversationEvents events(bus);
    conversation::Message message;
    message.id = "m-1";
    message.conversationId = "c-1";
    message.senderType = "agent";
    message.text = "hello";
    conversation::MessageDelivery delivery;
    delivery.id = "d-1";
    delivery.messageId = "m-1";
    delivery.channel = "whatsapp";
    events.messageNew(resolvedView().conversation, message);
    events.messageNew(resolvedView().conversation, message, delivery);
    const auto published = bus.events();
    ASSERT_EQ(published.size(), 2u);
    EXPECT_EQ(published[0].name, names::MessageNew);
    EXPECT_EQ(published[0].visitorPayload->getValue<std::string>("text"), "hello");
    EXPECT_FALSE(published[0].visitorPayload->has("delivery"));
    EXPECT_TRUE(published[0].payload->isNull("delivery"));
    EXPECT_EQ(published[0].payload->getValue<std::string>("text"), "hello");
    EXPECT_FALSE(published[1].visitorPayload->has("delivery"));
    EXPECT_EQ(published[1].payload->getObject("delivery")->getValue<std::string>("status"), "queued");
    EXPECT_EQ(published[1].payload->getObject("delivery")->getValue<std::string>("channel"), "whatsapp");
}

TEST(ConversationEventsTest, AMessagesDeliveryStatusGoesToAgentsOnly) {
    switchboard::tests::RecordingEventBus bus;
    conversation::ConversationEvents events(bus);
    conversation::MessageDelivery delivery;
    delivery.id = "d-1";
    delivery.messageId = "m-1";
    delivery.channel = "whatsapp";
    delivery.status = conversation::MessageDeliveryStatus::Read;
    events.messageStatus(resolvedView().conversation, delivery);
    const auto published = bus.events();
    ASSERT_EQ(published.size(), 1u);
    EXPECT_EQ(published[0].name, names::MessageStatus);
    EXPECT_EQ(published[0].visitorPayload, nullptr);
    EXPECT_EQ(published[0].payload->getValue<std::string>("message_id"), "m-1");
    EXPECT_EQ(published[0].payload->getValue<std::string>("conversation_id"), resolvedView().conversation.id);
    EXPECT_EQ(published[0].payload->getObject("delivery")->getValue<std::string>("status"), "read");
}

TEST(ConversationEventsTest, OfTheEndOfTheConversationTheVisitorHearsOnlyWhichOneAndItsStatus) {
    switchboard::tests::RecordingEventBus bus;
    conversation::ConversationEvents events(bus);
    events.conversationResolved(resolvedView());
    const auto published = bus.events();
    ASSERT_EQ(published.size(), 1u);
    ASSERT_TRUE(published[0].visitorPayload);
    std::vector<std::string> keys;
    published[0].visitorPayload->getNames(keys);
    std::sort(keys.begin(), keys.end());
    EXPECT_EQ(keys, (std::vector<std::string>{"conversation_id", "status"}));
    EXPECT_EQ(published[0].visitorPayload->getValue<std::string>("status"), "resolved");
    EXPECT_TRUE(published[0].payload->has("conversation")) << "the agents hear it whole";
}

TEST(ConversationEventsTest, ChangesForTheAgentsAreNotHeardByTheVisitor) {
    switchboard::tests::RecordingEventBus bus;
    conversation::ConversationEvents events(bus);
    const auto view = resolvedView();
    events.conversationUpdated(view);
    events.conversationAssigned(view);
    events.conversationTransferred(view, "agent-2");
    events.conversationNew(view);
    for (const auto& event : bus.events()) EXPECT_FALSE(event.visitorPayload) << event.name;
}

} // namespace
