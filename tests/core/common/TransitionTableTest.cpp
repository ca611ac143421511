#include "core/common/TransitionTable.h"

#include <gtest/gtest.h>

using switchboard::core::common::TransitionTable;

namespace {

enum class Door { Open, Closed, Locked };

constexpr TransitionTable<Door, 3> DoorMoves{{{
    {Door::Open, Door::Closed},
    {Door::Closed, Door::Open},
    {Door::Closed, Door::Locked},
}}};

} // namespace

TEST(TransitionTableTest, AllowsTheListedMovesAndStayingPut) {
    EXPECT_TRUE(DoorMoves.allows(Door::Open, Door::Closed));
    EXPECT_TRUE(DoorMoves.allows(Door::Closed, Door::Locked));
    EXPECT_TRUE(DoorMoves.allows(Door::Locked, Door::Locked));
    static_assert(DoorMoves.allows(Door::Closed, Door::Open));
}

TEST(TransitionTableTest, RefusesEveryOtherMove) {
    EXPECT_FALSE(DoorMoves.allows(Door::Open, Door::Locked));
    EXPECT_FALSE(DoorMoves.allows(Door::Locked, Door::Open));
    EXPECT_FALSE(DoorMoves.allows(Door::Locked, Door::Closed));
}
