#include "switchboard/sdk/testing/FakeHostServices.h"

#include <gtest/gtest.h>

using switchboard::sdk::AgentNotification;
using switchboard::sdk::HostServices;
using switchboard::sdk::HttpRequest;
using switchboard::sdk::InboundMessage;
using switchboard::sdk::testing::FakeHostServices;
using Level = switchboard::sdk::testing::FakeLogger::Level;

TEST(FakeHostServicesTest, ServicesAreTheFakesTheTestControls) {
    FakeHostServices fake;
    HostServices& host = fake;

    fake.fakeHttp().respond(202);
    HttpRequest request;
    request.url = "https://crm.example/hook";
    EXPECT_EQ(host.http().send(request).status, 202);
    EXPECT_EQ(fake.fakeHttp().requestCount(), 1u);

    host.logger().warning("careful");
    EXPECT_TRUE(fake.fakeLogger().contains(Level::Warning, "careful"));

    fake.fakeClock().setMs(1'000);
    fake.fakeClock().advanceMs(500);
    EXPECT_EQ(host.clock().nowMs(), 1'500);
}

TEST(FakeHostServicesTest, SecretsAreWhatTheTestSets) {
    FakeHostServices fake;
    EXPECT_EQ(fake.secret("CRM_WEBHOOK_SECRET"), std::nullopt);
    fake.setSecret("CRM_WEBHOOK_SECRET", "whsec_abc");
    EXPECT_EQ(fake.secret("CRM_WEBHOOK_SECRET"), "whsec_abc");
    fake.removeSecret("CRM_WEBHOOK_SECRET");
    EXPECT_EQ(fake.secret("CRM_WEBHOOK_SECRET"), std::nullopt);
}

TEST(FakeHostServicesTest, NotificationsAreRecordedAndAnsweredWithTheAgentsOnline) {
    FakeHostServices fake;
    const AgentNotification notification{"widget-1", "conv-1", "Ada Lovelace asks for a person", "Hello"};
    EXPECT_EQ(fake.notifyAgents(notification), 1);
    fake.setAgentsOnline(0);
    EXPECT_EQ(fake.notifyAgents(notification), 0);

    const auto notifications = fake.notifications();
    ASSERT_EQ(notifications.size(), 2u);
    EXPECT_EQ(notifications[0].widgetId, "widget-1");
    EXPECT_EQ(notifications[0].title, "Ada Lovelace asks for a person");
}

TEST(FakeHostServicesTest, InboundMessagesAreRecordedAndAnsweredAsSet) {
    FakeHostServices fake;
    InboundMessage message;
    message.widgetId = "widget-1";
    message.text = "Thanks!";
    message.externalId = "SM123";
    EXPECT_TRUE(fake.postInboundMessage(message));
    fake.setInboundAccepted(false);
    EXPECT_FALSE(fake.postInboundMessage(message));

    const auto messages = fake.inboundMessages();
    ASSERT_EQ(messages.size(), 2u);
    EXPECT_EQ(messages[0].text, "Thanks!");
    EXPECT_EQ(messages[1].externalId, "SM123");
}
