#include "core/events/EventNames.h"

#include <gtest/gtest.h>

namespace names = switchboard::core::events::names;

// Clients (the widget, the portal, any socket.io-client) listen for these names: they must not change.
TEST(EventNamesTest, AreTheRealTimeContractsNames) {
    EXPECT_EQ(names::MessageNew, "message:new");
    EXPECT_EQ(names::MessageStatus, "message:status");
    EXPECT_EQ(names::ConversationNew, "conversation:new");
    EXPECT_EQ(names::ConversationUpdated, "conversation:updated");
    EXPECT_EQ(names::ConversationAssigned, "conversation:assigned");
    EXPECT_EQ(names::ConversationTransferred, "conversation:transferred");
    EXPECT_EQ(names::ConversationResolved, "conversation:resolved");
    EXPECT_EQ(names::HandoverUpdated, "handover:updated");
    EXPECT_EQ(names::DeliveryStatus, "delivery:status");
    EXPECT_EQ(names::CustomerOnline, "customer:online");
    EXPECT_EQ(names::CustomerHeartbeat, "customer:heartbeat");
    EXPECT_EQ(names::CustomerOffline, "customer:offline");
    EXPECT_EQ(names::AgentStatusChanged, "agent:status_changed");
    EXPECT_EQ(names::ConversationViewing, "conversation:viewing");
    EXPECT_EQ(names::NotificationNew, "notification:new");
}
