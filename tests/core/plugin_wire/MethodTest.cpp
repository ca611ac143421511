#include "core/plugin_wire/Method.h"

#include <gtest/gtest.h>

using switchboard::core::plugin_wire::isNotice;
using switchboard::core::plugin_wire::Method;
using switchboard::core::plugin_wire::MethodNames;
using switchboard::core::plugin_wire::PeerRole;
using switchboard::core::plugin_wire::senderOf;

TEST(MethodTest, NamesEachMethodOnTheWire) {
    EXPECT_EQ(MethodNames.name(Method::ValidateMethod), "validate_method");
    EXPECT_EQ(MethodNames.parse("post_inbound_message"), Method::PostInboundMessage);
    EXPECT_EQ(MethodNames.parse("Deliver"), std::nullopt);
    for (int i = 0; i <= static_cast<int>(Method::Log); ++i) {
        const auto method = static_cast<Method>(i);
        EXPECT_EQ(MethodNames.parse(MethodNames.name(method)), method);
    }
}

TEST(MethodTest, TheHubCallsThePluginAndTheHostCallsTheHub) {
    for (const auto method : {Method::Describe, Method::Configure, Method::ValidateMethod, Method::Test,
                              Method::Deliver, Method::Inbound, Method::Ping})
        EXPECT_EQ(senderOf(method), PeerRole::Hub) << MethodNames.name(method);
    for (const auto method : {Method::PostInboundMessage, Method::UpdateDeliveryStatus, Method::OptOut,
                              Method::NotifyAgents, Method::Secret, Method::Log})
        EXPECT_EQ(senderOf(method), PeerRole::Host) << MethodNames.name(method);
}

TEST(MethodTest, OnlyLogIsANotice) {
    for (int i = 0; i <= static_cast<int>(Method::Log); ++i) {
        const auto method = static_cast<Method>(i);
        EXPECT_EQ(isNotice(method), method == Method::Log) << MethodNames.name(method);
    }
}
