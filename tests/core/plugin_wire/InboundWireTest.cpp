#include "core/plugin_wire/InboundWire.h"

#include "tests/support/PluginWireSamples.h"

#include <gtest/gtest.h>

using switchboard::core::plugin_wire::InboundWire;
using switchboard::core::plugin_wire::WireError;
using switchboard::sdk::InboundOutcome;
using namespace switchboard::tests::plugin_wire;

TEST(InboundWireTest, CarriesARequestWithABodyOfAnyBytes) {
    const std::string json =
        R"({"body_base64":"TWVzc2FnZVNpZD1TTTEmQm9keT1jYWbDqQD/","headers":[{"name":"X-Twilio-Signature",)"
        R"("value":"abc="},{"name":"Accept","value":"a"},{"name":"Accept","value":"b"}],"method":"POST",)"
        R"("path":"/status","query":{"x":"1","y":""},"url":"https://hub.example/api/channels/sms/inbound/status?x=1"})";
    expectWireForm(fullInboundRequest(), InboundWire::requestToJson, InboundWire::requestFromJson, json);
    const auto request = InboundWire::requestFromJson(readerOf(json));
    EXPECT_EQ(request.body, fullInboundRequest().body);
    EXPECT_EQ(request.headers, fullInboundRequest().headers);
    EXPECT_EQ(request.query, fullInboundRequest().query);
}

TEST(InboundWireTest, RefusesABodyThatIsNotBase64) {
    try {
        InboundWire::requestFromJson(readerOf(
            R"({"body_base64":"a b","headers":[],"method":"POST","path":"/","query":{},"url":""})", "params.request"));
        FAIL() << "a body that is not base64 was read";
    } catch (const WireError& error) {
        EXPECT_STREQ(error.what(), "'params.request.body_base64' must be padded base64");
    }
}

TEST(InboundWireTest, CarriesTheChannelsAnswer) {
    switchboard::sdk::InboundResult result{404, "application/json", "{}"};
    const std::string json = R"({"body_base64":"e30=","content_type":"application/json","status":404})";
    expectWireForm(result, InboundWire::resultToJson, InboundWire::resultFromJson, json);
    EXPECT_EQ(InboundWire::resultFromJson(readerOf(json)).status, 404);
    expectWireForm(switchboard::sdk::InboundResult{}, InboundWire::resultToJson, InboundWire::resultFromJson,
                   R"({"body_base64":"","content_type":"text/plain","status":200})");
}

TEST(InboundWireTest, CarriesAMessageFromOutside) {
    const std::string json = R"({"address":"whatsapp:+447700900123","conversation_id":"conv-2","external_id":"SM9",)"
                             R"("from":{"email":"ada@example.com","name":"Ada Lovelace","phone":"+447700900123"},)"
                             R"("text":)" +
                             AwkwardJson + R"(,"widget_id":"shop"})";
    expectWireForm(fullInboundMessage(), InboundWire::messageToJson, InboundWire::messageFromJson, json);
    const auto message = InboundWire::messageFromJson(readerOf(json));
    EXPECT_EQ(message.externalId, "SM9");
    EXPECT_EQ(message.from.name, "Ada Lovelace");
}

TEST(InboundWireTest, CarriesWhereAMessageLanded) {
    expectWireForm(InboundOutcome::stored("conv-2", true), InboundWire::outcomeToJson, InboundWire::outcomeFromJson,
                   R"({"conversation_id":"conv-2","kind":"stored","opened_conversation":true,"reason":""})");
    const std::string refused = R"({"conversation_id":"","kind":"refused","opened_conversation":false,)"
                                R"("reason":"unknown widget"})";
    expectWireForm(InboundOutcome::refused("unknown widget"), InboundWire::outcomeToJson, InboundWire::outcomeFromJson,
                   refused);
    EXPECT_EQ(InboundWire::outcomeFromJson(readerOf(refused)).kind, InboundOutcome::Kind::Refused);
    EXPECT_EQ(InboundWire::outcomeFromJson(readerOf(refused)).reason, "unknown widget");
}
