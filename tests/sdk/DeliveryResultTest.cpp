#include "switchboard/sdk/DeliveryResult.h"

#include <gtest/gtest.h>

using switchboard::sdk::DeliveryResult;
using Outcome = switchboard::sdk::DeliveryResult::Outcome;

TEST(DeliveryResultTest, FactoriesSetOutcomeAndDetailOnly) {
    const DeliveryResult delivered = DeliveryResult::delivered("posted");
    EXPECT_EQ(delivered.outcome, Outcome::Delivered);
    EXPECT_EQ(delivered.detail, "posted");
    EXPECT_FALSE(delivered.completed);
    EXPECT_EQ(delivered.statusCode, std::nullopt);

    EXPECT_EQ(DeliveryResult::delivered().detail, "");
    EXPECT_EQ(DeliveryResult::retry("nobody online").outcome, Outcome::Retry);
    EXPECT_EQ(DeliveryResult::retry("nobody online").detail, "nobody online");
    EXPECT_EQ(DeliveryResult::failed("bad settings").outcome, Outcome::Failed);
    EXPECT_EQ(DeliveryResult::failed("bad settings").detail, "bad settings");
}
