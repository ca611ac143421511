#include "EnumNames.h"

#include <gtest/gtest.h>

using switchboard::sdk::EnumNames;

namespace {

enum class Colour { Red, Blue, Green };

constexpr EnumNames<Colour, 2> Names{{{{Colour::Red, "red"}, {Colour::Blue, "blue"}}}};

TEST(EnumNamesTest, NamesEachValueAndFindsItByName) {
    EXPECT_EQ(Names.nameOf(Colour::Red), "red");
    EXPECT_EQ(Names.nameOf(Colour::Blue), "blue");
    EXPECT_EQ(Names.valueOf("red"), Colour::Red);
    EXPECT_EQ(Names.valueOf("blue"), Colour::Blue);
}

TEST(EnumNamesTest, ANameOfNoValueIsNothingAndNamesAreCaseSensitive) {
    EXPECT_EQ(Names.valueOf("green"), std::nullopt);
    EXPECT_EQ(Names.valueOf("Red"), std::nullopt);
    EXPECT_EQ(Names.valueOf(""), std::nullopt);
}

TEST(EnumNamesTest, AValueTheTableLeavesOutHasNoName) { EXPECT_EQ(Names.nameOf(Colour::Green), ""); }

TEST(EnumNamesTest, WorksAtCompileTime) {
    static_assert(Names.nameOf(Colour::Blue) == "blue");
    static_assert(Names.valueOf("red") == Colour::Red);
    static_assert(!Names.valueOf("purple").has_value());
}

} // namespace
