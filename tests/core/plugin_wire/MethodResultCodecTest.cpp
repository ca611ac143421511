#include "core/plugin_wire/MethodResultCodec.h"

#include "core/plugin_wire/WireJson.h"
#include "tests/support/PluginWireSamples.h"

#include <gtest/gtest.h>

#include <string>

using namespace switchboard::core::plugin_wire;
using namespace switchboard::tests::plugin_wire;

namespace {

/// `result` of `method` is written as `golden`, which reads back as a result written as `golden` again.
MethodResult expectResult(Method method, const MethodResult& result, const std::string& golden) {
    SCOPED_TRACE(MethodNames.name(method));
    return expectWireText(
        result, MethodResultCodec::encode,
        [&](const Poco::JSON::Object::Ptr& json) { return MethodResultCodec::decode(method, json); }, golden);
}

std::string written(const MethodResult& result) { return WireJson::write(MethodResultCodec::encode(result)); }

std::string refusal(Method method, const std::string& result) {
    return refusalOf([&] { MethodResultCodec::decode(method, WireJson::parse(result)); });
}

} // namespace

TEST(MethodResultCodecTest, CarriesThePluginsAnswers) {
    const auto description = std::get<switchboard::sdk::ChannelDescription>(
        expectResult(Method::Describe, fullDescription(), written(fullDescription())));
    EXPECT_EQ(description.displayName, "Webhook (Standard Webhooks)");

    for (const auto method : {Method::Configure, Method::ValidateMethod}) {
        const auto errors =
            std::get<SettingErrorsResult>(expectResult(method, SettingErrorsResult{{{"url", "is required"}}},
                                                       R"({"errors":[{"key":"url","message":"is required"}]})"));
        EXPECT_EQ(errors.errors.at(0).key, "url");
    }
    const auto test =
        std::get<switchboard::sdk::TestResult>(expectResult(Method::Test, fullTestResult(), written(fullTestResult())));
    EXPECT_EQ(test.reference, "msg_test_1");
    const auto delivered = std::get<switchboard::sdk::DeliveryResult>(
        expectResult(Method::Deliver, fullDeliveryResult(), written(fullDeliveryResult())));
    EXPECT_EQ(delivered.providerId, "SM123");
    const auto inbound = std::get<switchboard::sdk::InboundResult>(
        expectResult(Method::Inbound, switchboard::sdk::InboundResult{204, "text/plain", ""},
                     R"({"body_base64":"","content_type":"text/plain","status":204})"));
    EXPECT_EQ(inbound.status, 204);
    expectResult(Method::Ping, NoResult{}, "{}");
}

TEST(MethodResultCodecTest, CarriesTheHubsAnswers) {
    const auto outcome = std::get<switchboard::sdk::InboundOutcome>(
        expectResult(Method::PostInboundMessage, switchboard::sdk::InboundOutcome::duplicate("conv-1"),
                     R"({"conversation_id":"conv-1","kind":"duplicate","opened_conversation":false,"reason":""})"));
    EXPECT_EQ(outcome.kind, switchboard::sdk::InboundOutcome::Kind::Duplicate);
    const auto update = std::get<StatusUpdateResult>(
        expectResult(Method::UpdateDeliveryStatus, StatusUpdateResult{switchboard::sdk::StatusUpdate::Stale},
                     R"({"update":"stale"})"));
    EXPECT_EQ(update.update, switchboard::sdk::StatusUpdate::Stale);
    expectResult(Method::OptOut, NoResult{}, "{}");
    EXPECT_EQ(std::get<NotifyAgentsResult>(
                  expectResult(Method::NotifyAgents, NotifyAgentsResult{3}, R"({"online_agents":3})"))
                  .onlineAgents,
              3);
    EXPECT_EQ(std::get<SecretResult>(
                  expectResult(Method::Secret, SecretResult{"s3cr\xc3\xa9t"}, "{\"value\":\"s3cr\xc3\xa9t\"}"))
                  .value,
              "s3cr\xc3\xa9t");
    EXPECT_EQ(std::get<SecretResult>(expectResult(Method::Secret, SecretResult{}, "{}")).value, std::nullopt);
}

TEST(MethodResultCodecTest, NamesTheFieldAtFault) {
    EXPECT_EQ(refusal(Method::UpdateDeliveryStatus, R"({"update":"lost"})"),
              "'result.update' must be applied, stale or unknown");
    EXPECT_EQ(refusal(Method::NotifyAgents, R"({"online_agents":-1.5})"),
              "'result.online_agents' must be an integer of 64 bits");
    EXPECT_EQ(refusal(Method::Ping, R"({"pong":true})"), "'result.pong' is not a field of this object");
    EXPECT_EQ(refusal(Method::Deliver, R"({})"), "'result.outcome' is required");
    EXPECT_EQ(refusal(Method::Configure, R"({"errors":[],"warnings":[]})"),
              "'result.warnings' is not a field of this object");
}

TEST(MethodResultCodecTest, ANoticeHasNoResult) {
    try {
        MethodResultCodec::decode(Method::Log, WireJson::parse("{}"));
        FAIL() << "a result of log was read";
    } catch (const WireError& error) {
        EXPECT_EQ(error.code(), ErrorCode::UnknownMethod);
    }
}
