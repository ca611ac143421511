#include "core/plugin_wire/AgentNotificationWire.h"

#include "tests/support/PluginWireSamples.h"

#include <gtest/gtest.h>

using switchboard::core::plugin_wire::AgentNotificationWire;
using switchboard::core::plugin_wire::WireError;
using namespace switchboard::tests::plugin_wire;

TEST(AgentNotificationWireTest, CarriesEveryField) {
    const std::string json = R"({"body":)" + AwkwardJson +
                             R"(,"conversation_id":"conv-3","title":"Ada asks for a person","widget_id":"shop"})";
    expectWireForm(fullNotification(), AgentNotificationWire::toJson, AgentNotificationWire::fromJson, json);
    const auto notification = AgentNotificationWire::fromJson(readerOf(json));
    EXPECT_EQ(notification.body, AwkwardText);
    EXPECT_EQ(notification.conversationId, "conv-3");
    expectWireForm(switchboard::sdk::AgentNotification{}, AgentNotificationWire::toJson,
                   AgentNotificationWire::fromJson, R"({"body":"","conversation_id":"","title":"","widget_id":""})");
}

TEST(AgentNotificationWireTest, RefusesAWrongType) {
    EXPECT_THROW(
        AgentNotificationWire::fromJson(readerOf(R"({"body":"","conversation_id":"","title":false,"widget_id":""})")),
        WireError);
}
