#include "core/handover/DeliveryStatus.h"

#include <gtest/gtest.h>

using namespace switchboard::core::handover;

// The names are the API's and the database's (its CHECK constraint): they must not change.
TEST(DeliveryStatusTest, NamesAreTheWireAndDatabaseNames) {
    EXPECT_EQ(toString(DeliveryStatus::Pending), "pending");
    EXPECT_EQ(toString(DeliveryStatus::Delivered), "delivered");
    EXPECT_EQ(toString(DeliveryStatus::Failed), "failed");
}
