#include "core/plugin_wire/MethodParamsCodec.h"

#include "core/plugin_wire/WireJson.h"
#include "tests/support/PluginWireSamples.h"

#include "core/plugin_wire/WireMessageCodec.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

using namespace switchboard::core::plugin_wire;
using namespace switchboard::tests::plugin_wire;

namespace {

/// `params` of `method` are written as `golden`, which reads back as params written as `golden` again.
MethodParams expectParams(Method method, const MethodParams& params, const std::string& golden) {
    SCOPED_TRACE(MethodNames.name(method));
    return expectWireText(
        params, MethodParamsCodec::encode,
        [&](const Poco::JSON::Object::Ptr& json) { return MethodParamsCodec::decode(method, json); }, golden);
}

/// The `deliver` call that README.md shows, as one text.
std::string specificationExample() {
    std::ifstream file(std::string(SWITCHBOARD_SOURCE_DIR) + "/core/plugin_wire/README.md");
    std::stringstream whole;
    whole << file.rdbuf();
    const auto text = whole.str();
    const auto start = text.find("```json\n", text.find("A complete `deliver` call:")) + 8;
    std::string example;
    std::istringstream lines(text.substr(start, text.find("```", start) - start));
    for (std::string line; std::getline(lines, line);) example += line;
    return example;
}

std::string refusal(Method method, const std::string& params) {
    return refusalOf([&] { MethodParamsCodec::decode(method, WireJson::parse(params)); });
}

} // namespace

TEST(MethodParamsCodecTest, DescribeAndPingTakeNothing) {
    expectParams(Method::Describe, NoParams{}, "{}");
    expectParams(Method::Ping, NoParams{}, "{}");
    EXPECT_EQ(refusal(Method::Ping, R"({"x":1})"), "'params.x' is not a field of this object");
}

TEST(MethodParamsCodecTest, SettingsGoToAnInstance) {
    for (const auto method : {Method::Configure, Method::ValidateMethod, Method::Test}) {
        const auto read =
            std::get<SettingsParams>(expectParams(method, SettingsParams{"crm", {{"url", "https://crm.example"}}},
                                                  R"({"instance":"crm","settings":{"url":"https://crm.example"}})"));
        EXPECT_EQ(read.instance, "crm");
        EXPECT_EQ(read.settings.at("url"), "https://crm.example");
    }
    EXPECT_EQ(refusal(Method::Configure, R"({"settings":{}})"), "'params.instance' is required");
}

TEST(MethodParamsCodecTest, DeliverCarriesTheDelivery) {
    const auto json = WireJson::write(MethodParamsCodec::encode(DeliverParams{"crm", fullDelivery()}));
    const auto read =
        std::get<DeliverParams>(expectParams(Method::Deliver, DeliverParams{"crm", fullDelivery()}, json));
    EXPECT_EQ(read.instance, "crm");
    EXPECT_EQ(read.delivery.id, "dlv-1");
    EXPECT_EQ(refusal(Method::Deliver, R"({"instance":"crm","delivery":{"id":1}})"),
              "'params.delivery.id' must be a string");
}

TEST(MethodParamsCodecTest, InboundCarriesTheRequest) {
    const auto json = WireJson::write(MethodParamsCodec::encode(InboundParams{"sms", fullInboundRequest()}));
    const auto read =
        std::get<InboundParams>(expectParams(Method::Inbound, InboundParams{"sms", fullInboundRequest()}, json));
    EXPECT_EQ(read.request.body, fullInboundRequest().body);
}

TEST(MethodParamsCodecTest, CarriesTheHostServices) {
    const auto posted = std::get<PostInboundMessageParams>(
        expectParams(Method::PostInboundMessage, PostInboundMessageParams{"wa", fullInboundMessage()},
                     WireJson::write(MethodParamsCodec::encode(PostInboundMessageParams{"wa", fullInboundMessage()}))));
    EXPECT_EQ(posted.message.text, AwkwardText);

    const auto status = std::get<UpdateDeliveryStatusParams>(expectParams(
        Method::UpdateDeliveryStatus,
        UpdateDeliveryStatusParams{"sms", "SM1", switchboard::sdk::ProviderStatus::Undelivered, "30003", "unreachable"},
        R"({"error_code":"30003","error_text":"unreachable","instance":"sms","provider_id":"SM1",)"
        R"("status":"undelivered"})"));
    EXPECT_EQ(status.status, switchboard::sdk::ProviderStatus::Undelivered);
    EXPECT_EQ(status.errorText, "unreachable");

    const auto optOut =
        std::get<OptOutParams>(expectParams(Method::OptOut, OptOutParams{"sms", "+447700900123", false},
                                            R"({"address":"+447700900123","instance":"sms","opted_out":false})"));
    EXPECT_FALSE(optOut.optedOut);

    const auto notify = std::get<NotifyAgentsParams>(
        expectParams(Method::NotifyAgents, NotifyAgentsParams{"bot", {"shop", "conv-1", "title", "body"}},
                     R"({"instance":"bot","notification":{"body":"body","conversation_id":"conv-1",)"
                     R"("title":"title","widget_id":"shop"}})"));
    EXPECT_EQ(notify.notification.title, "title");

    const auto secret = std::get<SecretParams>(
        expectParams(Method::Secret, SecretParams{"crm", "CRM_SECRET"}, R"({"instance":"crm","name":"CRM_SECRET"})"));
    EXPECT_EQ(secret.name, "CRM_SECRET");

    const auto log = std::get<LogParams>(expectParams(Method::Log, LogParams{"crm", LogLevel::Error, "boom"},
                                                      R"({"instance":"crm","level":"error","message":"boom"})"));
    EXPECT_EQ(log.level, LogLevel::Error);
}

TEST(MethodParamsCodecTest, ReadsTheSpecificationsExample) {
    const auto call = std::get<CallMessage>(WireMessageCodec::decode(specificationExample()));
    const auto params = std::get<DeliverParams>(MethodParamsCodec::decode(call.method, call.params));
    EXPECT_EQ(params.instance, "whatsapp");
    EXPECT_EQ(params.delivery.messages.at(0).text, "Hello!");
    EXPECT_EQ(params.delivery.recipient.visitor.phone, "+447700900123");
}

TEST(MethodParamsCodecTest, NamesTheFieldAtFault) {
    EXPECT_EQ(refusal(Method::UpdateDeliveryStatus, R"({"error_code":"","error_text":"","instance":"sms",)"
                                                    R"("provider_id":"SM1","status":"lost"})"),
              "'params.status' must be a provider status");
    EXPECT_EQ(refusal(Method::OptOut, R"({"address":"x","instance":"sms","opted_out":"yes"})"),
              "'params.opted_out' must be true or false");
    EXPECT_EQ(refusal(Method::Log, R"({"instance":"crm","level":"debug","message":""})"),
              "'params.level' must be info, warning or error");
    EXPECT_EQ(refusal(Method::NotifyAgents, R"({"instance":"bot","notification":{}})"),
              "'params.notification.widget_id' is required");
}
