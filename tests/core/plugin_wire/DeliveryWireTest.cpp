#include "core/plugin_wire/DeliveryWire.h"

#include "tests/support/PluginWireSamples.h"

#include <gtest/gtest.h>

#include <string>

using switchboard::core::plugin_wire::DeliveryWire;
using namespace switchboard::tests::plugin_wire;

namespace {

std::string messageJson(const std::string& id) {
    return R"({"attachments":[{"content_type":"application/pdf","name":"invoice.pdf","size_bytes":9007199254740993,)"
           R"("url":"https://files.example/1"}],"id":")" +
           id + R"(","sender_name":"Grace","sender_type":"agent","sent_at_ms":1700000000123,"text":)" + AwkwardJson +
           "}";
}

const std::string FullJson =
    R"({"attempt":3,"conversation_id":"conv-1","history":[)" + messageJson("msg-0") + "," + messageJson("msg-1") +
    R"(],"id":"dlv-1","kind":"agent_alert","messages":[)" + messageJson("msg-1") +
    R"(],"method":"webhook","method_settings":{"headers.0":"X-A: 1","url":"https://crm.example/hooks"},)"
    R"("occurred_at_ms":1700000000000,"recipient":{"address":"whatsapp:+447700900123",)"
    R"("agent_addresses":["a@example.com","b@example.com"],)"
    R"("visitor":{"email":"ada@example.com","name":"Ada Lovelace","phone":"+447700900123"}},)"
    R"("request_id":"req-1","thread_reference":"<thread@example.com>","widget_id":"shop"})";

const std::string EmptyJson =
    R"({"attempt":1,"conversation_id":"","history":[],"id":"","kind":"handover_requested","messages":[],)"
    R"("method":"","method_settings":{},"occurred_at_ms":0,"recipient":{"address":"","agent_addresses":[],)"
    R"("visitor":{"email":"","name":"","phone":""}},"request_id":"","thread_reference":"","widget_id":""})";

std::string refusal(const std::string& text) {
    return refusalOf([&] { DeliveryWire::fromJson(readerOf(text, "params.delivery")); });
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
    return text;
}

} // namespace

TEST(DeliveryWireTest, CarriesEveryField) {
    expectWireForm(fullDelivery(), DeliveryWire::toJson, DeliveryWire::fromJson, FullJson);
    const auto delivery = DeliveryWire::fromJson(readerOf(FullJson));
    EXPECT_EQ(delivery.attempt, 3);
    EXPECT_EQ(delivery.kind, switchboard::sdk::DeliveryKind::AgentAlert);
    EXPECT_EQ(delivery.history.at(1).attachments.at(0).sizeBytes, 9007199254740993);
    EXPECT_EQ(delivery.history.at(1).senderType, switchboard::sdk::SenderType::Agent);
    EXPECT_EQ(delivery.messages.at(0).text, AwkwardText);
    EXPECT_EQ(delivery.recipient.visitor.phone, "+447700900123");
    EXPECT_EQ(delivery.methodSettings.at("headers.0"), "X-A: 1");
}

TEST(DeliveryWireTest, CarriesAnEmptyDelivery) {
    expectWireForm(switchboard::sdk::Delivery{}, DeliveryWire::toJson, DeliveryWire::fromJson, EmptyJson);
}

TEST(DeliveryWireTest, NamesTheFieldAtFault) {
    EXPECT_EQ(refusal(replaced(FullJson, R"("address":"whatsapp:+447700900123")", R"("address":7)")),
              "'params.delivery.recipient.address' must be a string");
    EXPECT_EQ(refusal(replaced(FullJson, R"("attempt":3)", R"("attempt":"3")")),
              "'params.delivery.attempt' must be an integer of 64 bits");
    EXPECT_EQ(refusal(replaced(FullJson, R"("kind":"agent_alert")", R"("kind":"fax")")),
              "'params.delivery.kind' must be a delivery kind");
    EXPECT_EQ(refusal(replaced(FullJson, R"("sender_type":"agent")", R"("sender_type":"robot")")),
              "'params.delivery.history[0].sender_type' must be a sender type");
    EXPECT_EQ(refusal(replaced(FullJson, R"("size_bytes":9007199254740993)", R"("size_bytes":1.5)")),
              "'params.delivery.history[0].attachments[0].size_bytes' must be an integer of 64 bits");
    EXPECT_EQ(refusal(replaced(FullJson, R"("url":"https://crm.example/hooks")", R"("url":["x"])")),
              "'params.delivery.method_settings.url' must be a string");
    EXPECT_EQ(refusal(replaced(FullJson, R"("thread_reference":"<thread@example.com>",)", "")),
              "'params.delivery.thread_reference' is required");
    EXPECT_EQ(refusal(replaced(FullJson, R"("phone":"+447700900123"})", R"("phone":"+447700900123","fax":""})")),
              "'params.delivery.recipient.visitor.fax' is not a field of this object");
    EXPECT_EQ(refusal(replaced(FullJson, R"("attempt":3)", R"("attempt":3,"priority":1)")),
              "'params.delivery.priority' is not a field of this object");
}
