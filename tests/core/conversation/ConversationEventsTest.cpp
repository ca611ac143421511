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

TEST(ConversationEventsTest, TheVisitorHearsANewMessageWhole) {
    switchboard::tests::RecordingEventBus bus;
    conversation::ConversationEvents events(bus);
    conversation::Message message;
    message.id = "m-1";
    message.conversationId = "c-1";
    message.senderType = "agent";
    message.text = "hello";
    events.messageNew(resolvedView().conversation, message);
    const auto published = bus.events();
    ASSERT_EQ(published.size(), 1u);
    EXPECT_EQ(published[0].name, names::MessageNew);
    EXPECT_EQ(published[0].visitorPayload, published[0].payload);
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
