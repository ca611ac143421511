#include "core/conversation/ConversationStatus.h"

#include <gtest/gtest.h>

using namespace switchboard::core::conversation;

// The names are the API's, the socket's and the database's (its CHECK constraint): they must not change.
TEST(ConversationStatusTest, NamesAreTheWireAndDatabaseNames) {
    EXPECT_EQ(toString(ConversationStatus::Bot), "bot");
    EXPECT_EQ(toString(ConversationStatus::Pending), "pending");
    EXPECT_EQ(toString(ConversationStatus::Active), "active");
    EXPECT_EQ(toString(ConversationStatus::Resolved), "resolved");
    EXPECT_EQ(toString(ConversationStatus::Closed), "closed");
    EXPECT_EQ(ConversationStatusNames.parse("resolved"), ConversationStatus::Resolved);
    EXPECT_EQ(ConversationStatusNames.parse("open"), std::nullopt);
}
