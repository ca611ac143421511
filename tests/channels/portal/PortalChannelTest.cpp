#include "portal/PortalChannel.h"

#include "switchboard/sdk/testing/FakeHostServices.h"

#include <gtest/gtest.h>

using switchboard::channels::portal::PortalChannel;
using switchboard::sdk::Delivery;
using switchboard::sdk::DeliveryResult;
using switchboard::sdk::SenderType;
using switchboard::sdk::testing::FakeHostServices;

namespace {

Delivery handoverOf(std::string name, std::string message) {
    Delivery delivery;
    delivery.id = "dlv-1";
    delivery.kind = switchboard::sdk::DeliveryKind::HandoverRequested;
    delivery.method = "portal";
    delivery.widgetId = "demo";
    delivery.conversationId = "conv-1";
    delivery.recipient.visitor.name = std::move(name);
    if (!message.empty()) delivery.messages = {{"req-1", SenderType::Visitor, "", std::move(message), 0, {}}};
    return delivery;
}

class PortalChannelTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(channel.configure({}, host).empty()); }

    FakeHostServices host;
    PortalChannel channel;
};

} // namespace

TEST(PortalChannelSettingsTest, AnyInstanceSettingIsAnErrorNamingIt) {
    FakeHostServices host;
    PortalChannel channel;
    const auto errors = channel.configure({{"queue", "sales"}}, host);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].key, "queue");
}

TEST_F(PortalChannelTest, TheMethodTakesNoSettings) {
    EXPECT_TRUE(channel.validateMethod({}).empty());
    const auto errors = channel.validateMethod({{"url", "https://crm.example"}});
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].key, "url");
}

TEST_F(PortalChannelTest, NotifiesTheWidgetsAgentsWithTheVisitorsNameAndMessage) {
    host.setAgentsOnline(3);
    const auto result = channel.deliver(handoverOf("Ada Lovelace", "Where is my order?"));

    EXPECT_EQ(result.outcome, DeliveryResult::Outcome::Delivered);
    EXPECT_EQ(result.detail, "shown to 3 agents online");
    const auto notifications = host.notifications();
    ASSERT_EQ(notifications.size(), 1u);
    EXPECT_EQ(notifications[0].widgetId, "demo");
    EXPECT_EQ(notifications[0].conversationId, "conv-1");
    EXPECT_EQ(notifications[0].title, "Ada Lovelace asks for a person");
    EXPECT_EQ(notifications[0].body, "Where is my order?");
}

TEST_F(PortalChannelTest, AnAnonymousVisitorWithoutAMessageIsWaitingInTheQueue) {
    host.setAgentsOnline(1);
    const auto result = channel.deliver(handoverOf("", ""));

    EXPECT_EQ(result.outcome, DeliveryResult::Outcome::Delivered);
    EXPECT_EQ(result.detail, "shown to 1 agent online");
    const auto notifications = host.notifications();
    ASSERT_EQ(notifications.size(), 1u);
    EXPECT_EQ(notifications[0].title, "A visitor asks for a person");
    EXPECT_EQ(notifications[0].body, "Waiting in the queue");
}

TEST_F(PortalChannelTest, WithoutAMessageTheVisitorsLastWordsAreShown) {
    host.setAgentsOnline(1);
    auto delivery = handoverOf("Ada Lovelace", "");
    delivery.history = {{"m1", SenderType::Visitor, "", "My parcel is late", 1, {}},
                        {"m2", SenderType::Visitor, "", "It was due Monday", 2, {}},
                        {"m3", SenderType::Bot, "Helper", "Let me find someone", 3, {}}};
    channel.deliver(delivery);
    ASSERT_EQ(host.notifications().size(), 1u);
    EXPECT_EQ(host.notifications()[0].body, "It was due Monday");
}

TEST_F(PortalChannelTest, NobodyOnlineIsRetriedUntilAnAgentSeesIt) {
    host.setAgentsOnline(0);
    auto delivery = handoverOf("Ada Lovelace", "Hello");
    const auto first = channel.deliver(delivery);
    EXPECT_EQ(first.outcome, DeliveryResult::Outcome::Retry);
    EXPECT_EQ(first.detail, "no agent of this widget is online yet");

    host.setAgentsOnline(2);
    delivery.attempt = 2;
    const auto second = channel.deliver(delivery);
    EXPECT_EQ(second.outcome, DeliveryResult::Outcome::Delivered);
    EXPECT_EQ(host.notifications().size(), 2u);
}

TEST_F(PortalChannelTest, DescribesThePortalMethodAndNoSettings) {
    const auto description = channel.describe();
    EXPECT_EQ(description.displayName, "Portal");
    ASSERT_EQ(description.handoverMethods.size(), 1u);
    EXPECT_EQ(description.handoverMethods[0].name, "portal");
    EXPECT_EQ(description.handoverMethods[0].label, "Chat with an agent");
    EXPECT_TRUE(description.instanceSettings.empty());
    EXPECT_TRUE(description.methodSettings.empty());
}

TEST_F(PortalChannelTest, OffersNoTest) {
    EXPECT_EQ(channel.test({}).outcome, switchboard::sdk::TestResult::Outcome::NotSupported);
}
