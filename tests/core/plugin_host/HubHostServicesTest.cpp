#include "core/plugin_host/HubHostServices.h"
#include "tests/support/LogCapture.h"
#include "tests/core/plugin_host/StubHttpClient.h"

#include <Poco/Environment.h>
#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::core::plugin_host::HubHostServices;
using switchboard::tests::LogCapture;
using switchboard::tests::StubHttpClient;
namespace sdk = switchboard::sdk;

namespace {

class HubHostServicesTest : public ::testing::Test {
protected:
    HubHostServicesTest()
        : services(http, clock, "crm",
                   {[this](const std::string& instance, const sdk::InboundMessage& message) {
                        posted.emplace_back(instance, message);
                        return message.conversationId == "c-1" ? sdk::InboundOutcome::stored("c-1", false)
                                                               : sdk::InboundOutcome::refused("no such conversation");
                    },
                    [this](const sdk::AgentNotification& notification) {
                        notified.push_back(notification);
                        return 3;
                    },
                    [this](const std::string& instance, const std::string& providerId, sdk::ProviderStatus status,
                           const std::string& errorCode, const std::string&) {
                        statuses.push_back(instance + " " + providerId + " " + std::string(toString(status)) + " " +
                                           errorCode);
                        return sdk::StatusUpdate::Stale;
                    },
                    [this](const std::string& instance, const std::string& address, bool optedOut) {
                        optOuts.push_back(instance + " " + address + (optedOut ? " out" : " in"));
                    }}) {}

    StubHttpClient http;
    common::ManualClock clock{1'700'000'000'000};
    std::vector<std::pair<std::string, sdk::InboundMessage>> posted;
    std::vector<sdk::AgentNotification> notified;
    std::vector<std::string> statuses;
    std::vector<std::string> optOuts;
    HubHostServices services;
};

TEST_F(HubHostServicesTest, ReadsSecretsFromTheEnvironment) {
    Poco::Environment::set("SWITCHBOARD_TEST_HOST_SECRET", "s3cret");
    EXPECT_EQ(services.secret("SWITCHBOARD_TEST_HOST_SECRET"), "s3cret");
    EXPECT_EQ(services.secret("SWITCHBOARD_TEST_SECRET_NOBODY_SET"), std::nullopt);
    EXPECT_EQ(services.secret(""), std::nullopt);
}

TEST_F(HubHostServicesTest, LogsUnderTheInstancesName) {
    LogCapture log("channel.crm");
    services.logger().info("sent");
    services.logger().warning("slow");
    services.logger().error("refused");
    const auto lines = log.lines();
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].text, "sent");
    EXPECT_EQ(lines[0].priority, Poco::Message::PRIO_INFORMATION);
    EXPECT_EQ(lines[1].text, "slow");
    EXPECT_EQ(lines[1].priority, Poco::Message::PRIO_WARNING);
    EXPECT_EQ(lines[2].text, "refused");
    EXPECT_EQ(lines[2].priority, Poco::Message::PRIO_ERROR);
}

TEST_F(HubHostServicesTest, TellsTheHubsTime) {
    EXPECT_EQ(services.clock().nowMs(), 1'700'000'000'000);
    clock.advanceMs(1500);
    EXPECT_EQ(services.clock().nowMs(), 1'700'000'001'500);
}

TEST_F(HubHostServicesTest, HandsRequestsAndMessagesToTheHub) {
    services.http().send({});
    EXPECT_EQ(http.requests, 1);

    sdk::InboundMessage message;
    message.conversationId = "c-1";
    message.text = "Yes please";
    EXPECT_EQ(services.postInboundMessage(message).conversationId, "c-1");
    message.conversationId = "c-2";
    EXPECT_EQ(services.postInboundMessage(message).reason, "no such conversation");
    ASSERT_EQ(posted.size(), 2u);
    EXPECT_EQ(posted[0].first, "crm");
    EXPECT_EQ(posted[0].second.text, "Yes please");

    EXPECT_EQ(services.notifyAgents({"demo", "c-1", "Ada asks for a person", ""}), 3);
    ASSERT_EQ(notified.size(), 1u);
    EXPECT_EQ(notified[0].title, "Ada asks for a person");
}

TEST_F(HubHostServicesTest, StatusCallbacksAndOptOutsActOnlyForTheirOwnInstance) {
    EXPECT_EQ(services.updateDeliveryStatus("SM1", sdk::ProviderStatus::Failed, "30008", "Unknown error"),
              sdk::StatusUpdate::Stale);
    services.optOut("whatsapp:+447700900123", true);
    services.optOut("ada@example.com", false);
    EXPECT_EQ(statuses, std::vector<std::string>{"crm SM1 failed 30008"});
    EXPECT_EQ(optOuts, (std::vector<std::string>{"crm whatsapp:+447700900123 out", "crm ada@example.com in"}));
}

} // namespace
