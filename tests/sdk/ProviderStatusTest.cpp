#include "switchboard/sdk/ProviderStatus.h"

#include <gtest/gtest.h>

using switchboard::sdk::ProviderStatus;
using switchboard::sdk::isFinal;
using switchboard::sdk::movesForward;
using switchboard::sdk::parseProviderStatus;

TEST(ProviderStatusTest, EveryStatusReadsBackFromItsName) {
    for (const auto status : {ProviderStatus::Queued, ProviderStatus::Sent, ProviderStatus::Delivered,
                              ProviderStatus::Read, ProviderStatus::Failed, ProviderStatus::Undelivered}) {
        EXPECT_EQ(parseProviderStatus(toString(status)), status);
    }
    EXPECT_EQ(toString(ProviderStatus::Undelivered), "undelivered");
    EXPECT_EQ(parseProviderStatus("Delivered"), std::nullopt);
    EXPECT_EQ(parseProviderStatus("sending"), std::nullopt);
    EXPECT_EQ(parseProviderStatus(""), std::nullopt);
}

TEST(ProviderStatusTest, StatusesMoveOnlyForwardTowardsTheReader) {
    EXPECT_TRUE(movesForward(std::nullopt, ProviderStatus::Sent));
    EXPECT_TRUE(movesForward(ProviderStatus::Queued, ProviderStatus::Sent));
    EXPECT_TRUE(movesForward(ProviderStatus::Queued, ProviderStatus::Read)); // callbacks in between were lost
    EXPECT_TRUE(movesForward(ProviderStatus::Delivered, ProviderStatus::Read));
    EXPECT_FALSE(movesForward(ProviderStatus::Delivered, ProviderStatus::Sent)); // a late callback
    EXPECT_FALSE(movesForward(ProviderStatus::Read, ProviderStatus::Delivered));
    EXPECT_FALSE(movesForward(ProviderStatus::Sent, ProviderStatus::Sent)); // a repeated callback changes nothing
}

TEST(ProviderStatusTest, AFailureEndsAMessageNotYetDeliveredAndNothingFollowsIt) {
    EXPECT_TRUE(isFinal(ProviderStatus::Failed));
    EXPECT_TRUE(isFinal(ProviderStatus::Undelivered));
    EXPECT_FALSE(isFinal(ProviderStatus::Read));

    EXPECT_TRUE(movesForward(std::nullopt, ProviderStatus::Failed));
    EXPECT_TRUE(movesForward(ProviderStatus::Queued, ProviderStatus::Failed));
    EXPECT_TRUE(movesForward(ProviderStatus::Sent, ProviderStatus::Undelivered));
    EXPECT_FALSE(movesForward(ProviderStatus::Delivered, ProviderStatus::Undelivered));
    EXPECT_FALSE(movesForward(ProviderStatus::Read, ProviderStatus::Failed));
    EXPECT_FALSE(movesForward(ProviderStatus::Failed, ProviderStatus::Delivered));
    EXPECT_FALSE(movesForward(ProviderStatus::Undelivered, ProviderStatus::Failed));
}
