#include "core/handover/HandoverStatus.h"

#include <gtest/gtest.h>

using namespace switchboard::core::handover;

// The names are the API's and the database's (its CHECK constraint): they must not change.
TEST(HandoverStatusTest, NamesAreTheWireAndDatabaseNames) {
    EXPECT_EQ(toString(HandoverStatus::Pending), "pending");
    EXPECT_EQ(toString(HandoverStatus::Notified), "notified");
    EXPECT_EQ(toString(HandoverStatus::Completed), "completed");
    EXPECT_EQ(toString(HandoverStatus::Failed), "failed");
    EXPECT_EQ(HandoverStatusNames.list(), "pending, notified, completed or failed");
}
