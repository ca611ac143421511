#include "core/realtime/RoomTable.h"

#include <gtest/gtest.h>

#include <algorithm>

using switchboard::core::realtime::RoomTable;

namespace {

std::vector<std::uint64_t> sorted(std::vector<std::uint64_t> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

TEST(RoomTableTest, AConnectionJoinsARoomOnce) {
    RoomTable rooms;
    EXPECT_TRUE(rooms.join("c:1", 7));
    EXPECT_FALSE(rooms.join("c:1", 7));
    EXPECT_EQ(rooms.membersOf({"c:1"}), std::vector<std::uint64_t>{7});
}

TEST(RoomTableTest, MembersOfSeveralRoomsComeOnceEach) {
    RoomTable rooms;
    rooms.join("c:1", 7);
    rooms.join("w:demo", 7);
    rooms.join("w:demo", 8);
    rooms.join("a:agent", 9);
    EXPECT_EQ(sorted(rooms.membersOf({"c:1", "w:demo", "nobody-here"})), (std::vector<std::uint64_t>{7, 8}));
    EXPECT_TRUE(rooms.membersOf({"nobody-here"}).empty());
}

TEST(RoomTableTest, AnEmptiedRoomIsForgotten) {
    RoomTable rooms;
    rooms.join("c:1", 7);
    rooms.join("c:1", 8);
    rooms.leave("c:1", 7);
    EXPECT_EQ(rooms.membersOf({"c:1"}), std::vector<std::uint64_t>{8});
    rooms.leave("c:1", 8);
    rooms.leave("c:2", 8); // a room never joined
    EXPECT_EQ(rooms.roomCount(), 0u);
}
