#pragma once

#include "core/plugin_wire/ObjectReader.h"
#include "core/plugin_wire/WireJson.h"

#include <switchboard/sdk/ChannelDescription.h>
#include <switchboard/sdk/Delivery.h>
#include <switchboard/sdk/DeliveryResult.h>
#include <switchboard/sdk/HostServices.h>
#include <switchboard/sdk/Inbound.h>
#include <switchboard/sdk/InboundOutcome.h>
#include <switchboard/sdk/TestResult.h>

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace switchboard::tests::plugin_wire {

// Values of the SDK types that cross the plugin wire with every field set, each to a value of its own (so that a
// field written under another's name shows), with text that is not plain ASCII.

/// Text that JSON must escape or carry as UTF-8 bytes: quotes, a backslash, control characters, DEL, é, an emoji.
inline const std::string AwkwardText = "say \"hi\"\\ \t\n\x01\x7f caf\xc3\xa9 \xf0\x9f\x98\x80 </script>";

/// AwkwardText as a JSON string on the wire.
inline const std::string AwkwardJson =
    "\"say \\\"hi\\\"\\\\ \\t\\n\\u0001\x7f caf\xc3\xa9 \xf0\x9f\x98\x80 </script>\"";

/// A reader of the object in `text`, whose path is `path`.
inline core::plugin_wire::ObjectReader readerOf(const std::string& text, const std::string& path = "params") {
    return core::plugin_wire::ObjectReader(core::plugin_wire::WireJson::parse(text), path);
}

/// What `read` is refused with (WireError::what()), or "accepted".
inline std::string refusalOf(const std::function<void()>& read) {
    try {
        read();
    } catch (const core::plugin_wire::WireError& error) {
        return error.what();
    }
    return "accepted";
}

/// `value` is written (by `write`, to a JSON object) as `golden`, and `golden` reads back (by `read`, from the
/// object) as a value that is written as `golden` again; returns that value.
template <typename T, typename Write, typename Read>
auto expectWireText(const T& value, Write write, Read read, const std::string& golden) {
    EXPECT_EQ(core::plugin_wire::WireJson::write(write(value)), golden);
    auto back = read(core::plugin_wire::WireJson::parse(golden));
    EXPECT_EQ(core::plugin_wire::WireJson::write(write(back)), golden);
    return back;
}

/// expectWireText for a mapping whose `fromJson` takes an ObjectReader.
template <typename T, typename ToJson, typename FromJson>
void expectWireForm(const T& value, ToJson toJson, FromJson fromJson, const std::string& golden) {
    expectWireText(
        value, toJson,
        [&](const Poco::JSON::Object::Ptr& json) { return fromJson(core::plugin_wire::ObjectReader(json, "params")); },
        golden);
}

inline sdk::Contact fullContact() { return {"Ada Lovelace", "ada@example.com", "+447700900123"}; }

inline sdk::ConversationMessage fullMessage(const std::string& id) {
    sdk::ConversationMessage message;
    message.id = id;
    message.senderType = sdk::SenderType::Agent;
    message.senderName = "Grace";
    message.text = AwkwardText;
    message.sentAtMs = 1700000000123;
    message.attachments.push_back({"invoice.pdf", "application/pdf", 9007199254740993, "https://files.example/1"});
    return message;
}

inline sdk::Delivery fullDelivery() {
    sdk::Delivery delivery;
    delivery.id = "dlv-1";
    delivery.attempt = 3;
    delivery.kind = sdk::DeliveryKind::AgentAlert;
    delivery.occurredAtMs = 1700000000000;
    delivery.requestId = "req-1";
    delivery.method = "webhook";
    delivery.widgetId = "shop";
    delivery.conversationId = "conv-1";
    delivery.recipient.visitor = fullContact();
    delivery.recipient.address = "whatsapp:+447700900123";
    delivery.recipient.agentAddresses = {"a@example.com", "b@example.com"};
    delivery.messages = {fullMessage("msg-1")};
    delivery.history = {fullMessage("msg-0"), fullMessage("msg-1")};
    delivery.threadReference = "<thread@example.com>";
    delivery.methodSettings = {{"url", "https://crm.example/hooks"}, {"headers.0", "X-A: 1"}};
    return delivery;
}

inline sdk::ChannelDescription fullDescription() {
    sdk::ChannelDescription description;
    description.displayName = "Webhook (Standard Webhooks)";
    description.handoverMethods = {{"webhook", "CRM", "We passed it on", {"email", "phone"}}};
    description.instanceSettings = {{"timeout", "seconds", false, sdk::SettingDescription::Type::Text}};
    description.methodSettings = {{"url", "where to POST", true, sdk::SettingDescription::Type::HttpUrl},
                                  {"secret", "signing key", true, sdk::SettingDescription::Type::Secret}};
    description.visitorReach = sdk::VisitorReach::Phone;
    return description;
}

inline sdk::DeliveryResult fullDeliveryResult() {
    sdk::DeliveryResult result;
    result.outcome = sdk::DeliveryResult::Outcome::Retry;
    result.detail = "HTTP 503 from crm.example";
    result.statusCode = 503;
    result.responseExcerpt = AwkwardText;
    result.providerId = "SM123";
    result.threadReference = "thread-9";
    result.retryAfterMs = 120000;
    result.completed = true;
    return result;
}

inline sdk::TestResult fullTestResult() {
    sdk::TestResult result;
    result.outcome = sdk::TestResult::Outcome::InvalidSettings;
    result.detail = "the url is not https";
    result.settingErrors = {{"url", "must be https"}, {"secret", "too short"}};
    result.statusCode = 400;
    result.latencyMs = 42;
    result.responseExcerpt = "bad";
    result.reference = "msg_test_1";
    return result;
}

inline sdk::InboundRequest fullInboundRequest() {
    sdk::InboundRequest request;
    request.method = "POST";
    request.path = "/status";
    request.url = "https://hub.example/api/channels/sms/inbound/status?x=1";
    request.headers = {{"X-Twilio-Signature", "abc="}, {"Accept", "a"}, {"Accept", "b"}};
    request.query = {{"x", "1"}, {"y", ""}};
    request.body = std::string("MessageSid=SM1&Body=caf\xc3\xa9\0\xff", 27); // a NUL and a byte that is not UTF-8
    return request;
}

inline sdk::InboundMessage fullInboundMessage() {
    sdk::InboundMessage message;
    message.conversationId = "conv-2";
    message.widgetId = "shop";
    message.address = "whatsapp:+447700900123";
    message.from = fullContact();
    message.text = AwkwardText;
    message.externalId = "SM9";
    return message;
}

inline sdk::AgentNotification fullNotification() { return {"shop", "conv-3", "Ada asks for a person", AwkwardText}; }

} // namespace switchboard::tests::plugin_wire
