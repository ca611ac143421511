#include "SlackChannel.h"

#include <switchboard/sdk/testing/FakeHostServices.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

using example::SlackChannel;
using switchboard::sdk::Delivery;
using switchboard::sdk::DeliveryKind;
using switchboard::sdk::HttpError;
using switchboard::sdk::SenderType;
using switchboard::sdk::testing::FakeHostServices;
using Outcome = switchboard::sdk::DeliveryResult::Outcome;

namespace {

const std::string WebhookUrl = "https://hooks.slack.com/services/T000/B000/XXXXXXXX";

Delivery handover() {
    Delivery delivery;
    delivery.id = "dlv-1";
    delivery.kind = switchboard::sdk::DeliveryKind::HandoverRequested;
    delivery.widgetId = "demo";
    delivery.conversationId = "conv-1";
    delivery.recipient.visitor = {"Ada Lovelace", "ada@example.com", ""};
    delivery.messages = {{"req-1", SenderType::Visitor, "Ada Lovelace", "Where is my order?", 0, {}}};
    delivery.methodSettings = {{"webhook_url", WebhookUrl}};
    return delivery;
}

std::string textPosted(const std::string& body) {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("text");
}

class SlackChannelTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(channel.configure({}, host).empty()); }

    FakeHostServices host;
    SlackChannel channel;
};

} // namespace

TEST_F(SlackChannelTest, InstanceSettingsAreCheckedAndNamed) {
    EXPECT_TRUE(channel.configure({{"mention_here", "true"}}, host).empty());
    const auto errors = channel.configure({{"mention_here", "yes"}, {"channel", "#sales"}}, host);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].key, "channel");
    EXPECT_EQ(errors[1].key, "mention_here");
}

TEST_F(SlackChannelTest, TheMethodNeedsAnHttpOrHttpsWebhookUrl) {
    EXPECT_TRUE(channel.validateMethod({{"webhook_url", WebhookUrl}}).empty());
    EXPECT_TRUE(channel.validateMethod({{"webhook_url", "http://chat.internal/hooks/x"}}).empty());
    for (const auto& settings : {switchboard::sdk::Settings{},
                                 switchboard::sdk::Settings{{"webhook_url", "ftp://hooks.slack.com/services/x"}},
                                 switchboard::sdk::Settings{{"webhook_url", "https://[::1/x"}}}) {
        const auto errors = channel.validateMethod(settings);
        ASSERT_EQ(errors.size(), 1u);
        EXPECT_EQ(errors[0].key, "webhook_url");
    }
    const auto errors = channel.validateMethod({{"webhook_url", WebhookUrl}, {"secret", "x"}});
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].key, "secret");
}

TEST_F(SlackChannelTest, PostsWhoAsksForAPersonWhereAndWhatTheySaid) {
    host.fakeHttp().respond(200, "ok");
    const auto result = channel.deliver(handover());

    EXPECT_EQ(result.outcome, Outcome::Delivered);
    const auto requests = host.fakeHttp().requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].method, "POST");
    EXPECT_EQ(requests[0].url, WebhookUrl);
    EXPECT_EQ(textPosted(requests[0].body),
              "Ada Lovelace (ada@example.com) asks for a person on demo: Where is my order?");
}

TEST_F(SlackChannelTest, MissingDetailsAreLeftOutAndMarkupIsEscaped) {
    auto delivery = handover();
    delivery.recipient.visitor = {};
    delivery.messages[0].text = "<!channel> help & quick";
    EXPECT_EQ(SlackChannel::text(delivery), "A visitor asks for a person on demo: &lt;!channel&gt; help &amp; quick");
    delivery.messages.clear();
    EXPECT_EQ(SlackChannel::text(delivery), "A visitor asks for a person on demo");
}

TEST_F(SlackChannelTest, AHandoverCarriesTheConversationSoFar) {
    auto delivery = handover();
    delivery.history = {{"m1", SenderType::Visitor, "", "My parcel is late", 0, {}},
                        {"m2", SenderType::Bot, "Helper", "Let me find <someone>", 0, {}}};
    EXPECT_EQ(SlackChannel::text(delivery), "Ada Lovelace (ada@example.com) asks for a person on demo: Where is my "
                                            "order?\n> visitor: My parcel is late\n> Helper: Let me find &lt;someone&gt;");
}

TEST_F(SlackChannelTest, AlertsArePostedAndKindsForVisitorsFailWithoutSending) {
    auto alert = handover();
    alert.kind = DeliveryKind::AgentAlert;
    EXPECT_EQ(SlackChannel::text(alert), "Ada Lovelace (ada@example.com) wrote on demo and nobody has read it yet");
    for (const auto kind : {DeliveryKind::AgentMessage, DeliveryKind::VisitorNotice, DeliveryKind::Transcript,
                            DeliveryKind::VisitorMessage}) {
        auto delivery = handover();
        delivery.kind = kind;
        const auto result = channel.deliver(delivery);
        EXPECT_EQ(result.outcome, Outcome::Failed);
        EXPECT_NE(result.detail.find(std::string(switchboard::sdk::toString(kind))), std::string::npos);
    }
    EXPECT_EQ(host.fakeHttp().requestCount(), 0u);
}

TEST_F(SlackChannelTest, DescribesItsMethodAndSettings) {
    const auto description = channel.describe();
    EXPECT_EQ(description.displayName, "Slack");
    ASSERT_EQ(description.handoverMethods.size(), 1u);
    EXPECT_EQ(description.handoverMethods[0].label, "Our team on Slack");
    ASSERT_EQ(description.methodSettings.size(), 1u);
    EXPECT_EQ(description.methodSettings[0].key, "webhook_url");
    EXPECT_TRUE(description.methodSettings[0].required);
    EXPECT_EQ(description.methodSettings[0].type, switchboard::sdk::SettingDescription::Type::HttpUrl);
}

TEST_F(SlackChannelTest, TestPostsToTheWebhookAndSaysHowSlackAnswered) {
    host.fakeHttp().respond(200, "ok");
    const auto passed = channel.test({{"webhook_url", WebhookUrl}});
    EXPECT_EQ(passed.outcome, switchboard::sdk::TestResult::Outcome::Passed);
    EXPECT_EQ(textPosted(host.fakeHttp().requests().at(0).body).rfind("Test from Switchboard", 0), 0u);

    host.fakeHttp().respond(404, "no_service");
    const auto failed = channel.test({{"webhook_url", WebhookUrl}});
    EXPECT_EQ(failed.outcome, switchboard::sdk::TestResult::Outcome::Failed);
    EXPECT_EQ(failed.statusCode, 404);

    const auto invalid = channel.test({});
    EXPECT_EQ(invalid.outcome, switchboard::sdk::TestResult::Outcome::InvalidSettings);
    ASSERT_EQ(invalid.settingErrors.size(), 1u);
    EXPECT_EQ(invalid.settingErrors[0].key, "webhook_url");
}

TEST_F(SlackChannelTest, MentionHereStartsThePost) {
    ASSERT_TRUE(channel.configure({{"mention_here", "true"}}, host).empty());
    host.fakeHttp().respond(200, "ok");
    channel.deliver(handover());
    EXPECT_EQ(textPosted(host.fakeHttp().requests().at(0).body).rfind("<!here> Ada Lovelace", 0), 0u);
}

TEST_F(SlackChannelTest, SlackAnswersDecideTheOutcome) {
    host.fakeHttp().respond(503);
    EXPECT_EQ(channel.deliver(handover()).outcome, Outcome::Retry);
    host.fakeHttp().respond(429, "", {{"Retry-After", "30"}});
    EXPECT_EQ(channel.deliver(handover()).retryAfterMs, 30'000);
    host.fakeHttp().respond(404, "no_service");
    EXPECT_EQ(channel.deliver(handover()).outcome, Outcome::Failed);
    host.fakeHttp().respond(410, "channel_is_archived");
    EXPECT_EQ(channel.deliver(handover()).outcome, Outcome::Failed);
    host.fakeHttp().fail(HttpError::Kind::Timeout, "no answer");
    EXPECT_EQ(channel.deliver(handover()).outcome, Outcome::Retry);
}

TEST_F(SlackChannelTest, ABadUrlAtDeliveryFailsWithoutSending) {
    auto delivery = handover();
    delivery.methodSettings["webhook_url"] = "ftp://hooks.slack.com/services/x";
    const auto result = channel.deliver(delivery);
    EXPECT_EQ(result.outcome, Outcome::Failed);
    EXPECT_NE(result.detail.find("webhook_url"), std::string::npos);
    EXPECT_EQ(host.fakeHttp().requestCount(), 0u);
}
