#include <switchboard/sdk/DeliveryKind.h>

#include <gtest/gtest.h>

#include <string>

namespace sdk = switchboard::sdk;
using sdk::DeliveryKind;

namespace {

TEST(DeliveryKindTest, EveryKindHasItsWireNameAndBack) {
    const std::pair<DeliveryKind, std::string> kinds[] = {
        {DeliveryKind::HandoverRequested, "handover_requested"}, {DeliveryKind::AgentMessage, "agent_message"},
        {DeliveryKind::VisitorNotice, "visitor_notice"},         {DeliveryKind::AgentAlert, "agent_alert"},
        {DeliveryKind::Transcript, "transcript"},                {DeliveryKind::VisitorMessage, "visitor_message"},
    };
    for (const auto& [kind, name] : kinds) {
        EXPECT_EQ(sdk::toString(kind), name);
        EXPECT_EQ(sdk::deliveryKindFromString(name), kind) << name;
    }
}

TEST(DeliveryKindTest, AnUnknownNameIsNoKind) {
    EXPECT_EQ(sdk::deliveryKindFromString("agent_handover_requested"), std::nullopt);
    EXPECT_EQ(sdk::deliveryKindFromString("Transcript"), std::nullopt);
    EXPECT_EQ(sdk::deliveryKindFromString(""), std::nullopt);
}

TEST(DeliveryKindTest, HandoversAndAlertsCarryTheLastTwentyMessagesAndNoticesNone) {
    EXPECT_EQ(sdk::historyLength(DeliveryKind::HandoverRequested), 20u);
    EXPECT_EQ(sdk::historyLength(DeliveryKind::AgentAlert), 20u);
    EXPECT_EQ(sdk::historyLength(DeliveryKind::VisitorMessage), 20u);
    EXPECT_EQ(sdk::historyLength(DeliveryKind::AgentMessage), 0u);
    EXPECT_EQ(sdk::historyLength(DeliveryKind::VisitorNotice), 0u);
    EXPECT_GT(sdk::historyLength(DeliveryKind::Transcript), 20u);
}

} // namespace
