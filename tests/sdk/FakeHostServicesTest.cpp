#include "switchboard/sdk/testing/FakeHostServices.h"

#include <gtest/gtest.h>

using switchboard::sdk::AgentNotification;
using switchboard::sdk::HostServices;
using switchboard::sdk::HttpRequest;
using switchboard::sdk::InboundMessage;
using switchboard::sdk::InboundOutcome;
using switchboard::sdk::ProviderStatus;
using switchboard::sdk::StatusUpdate;
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
    EXPECT_EQ(fake.postInboundMessage(message).kind, InboundOutcome::Kind::Stored);
    fake.setInboundOutcome(InboundOutcome::refused("no conversation matches"));
    const auto refused = fake.postInboundMessage(message);
    EXPECT_EQ(refused.kind, InboundOutcome::Kind::Refused);
    EXPECT_EQ(refused.reason, "no conversation matches");

    const auto messages = fake.inboundMessages();
    ASSERT_EQ(messages.size(), 2u);
    EXPECT_EQ(messages[0].text, "Thanks!");
    EXPECT_EQ(messages[1].externalId, "SM123");
}

TEST(FakeHostServicesTest, StatusCallbacksAreRecordedAndAnsweredAsSet) {
    FakeHostServices fake;
    EXPECT_EQ(fake.updateDeliveryStatus("SM1", ProviderStatus::Delivered, "", ""), StatusUpdate::Applied);
    fake.setStatusUpdate(StatusUpdate::Stale);
    EXPECT_EQ(fake.updateDeliveryStatus("SM1", ProviderStatus::Failed, "30008", "Unknown error"), StatusUpdate::Stale);

    const auto reports = fake.statusReports();
    ASSERT_EQ(reports.size(), 2u);
    EXPECT_EQ(reports[0].providerId, "SM1");
    EXPECT_EQ(reports[0].status, ProviderStatus::Delivered);
    EXPECT_EQ(reports[1].errorCode, "30008");
    EXPECT_EQ(reports[1].errorText, "Unknown error");
}

TEST(FakeHostServicesTest, OptOutsFollowTheLastWordPerAddress) {
    FakeHostServices fake;
    EXPECT_FALSE(fake.optedOut("whatsapp:+447700900123"));
    fake.optOut("whatsapp:+447700900123", true);
    EXPECT_TRUE(fake.optedOut("whatsapp:+447700900123"));
    EXPECT_FALSE(fake.optedOut("ada@example.com"));
    fake.optOut("whatsapp:+447700900123", false);
    EXPECT_FALSE(fake.optedOut("whatsapp:+447700900123"));
}
