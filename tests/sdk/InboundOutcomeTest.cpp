#include "switchboard/sdk/InboundOutcome.h"

#include <gtest/gtest.h>

using switchboard::sdk::InboundOutcome;

TEST(InboundOutcomeTest, FactoriesSayWhereTheMessageLandedOrWhyNot) {
    const auto stored = InboundOutcome::stored("conv-1", true);
    EXPECT_EQ(stored.kind, InboundOutcome::Kind::Stored);
    EXPECT_EQ(stored.conversationId, "conv-1");
    EXPECT_TRUE(stored.openedConversation);
    EXPECT_EQ(stored.reason, "");

    const auto duplicate = InboundOutcome::duplicate("conv-2");
    EXPECT_EQ(duplicate.kind, InboundOutcome::Kind::Duplicate);
    EXPECT_EQ(duplicate.conversationId, "conv-2");
    EXPECT_FALSE(duplicate.openedConversation);

    const auto refused = InboundOutcome::refused("the widget refuses unmatched messages");
    EXPECT_EQ(refused.kind, InboundOutcome::Kind::Refused);
    EXPECT_EQ(refused.conversationId, "");
    EXPECT_EQ(refused.reason, "the widget refuses unmatched messages");
}
