#include "core/common/EnumNames.h"

#include <gtest/gtest.h>

#include <stdexcept>

using switchboard::core::common::EnumNames;

namespace {

enum class Light { Red, Amber, Green };

constexpr EnumNames<Light, 3> LightNames{{{{Light::Red, "red"}, {Light::Amber, "amber"}, {Light::Green, "green"}}}};

} // namespace

TEST(EnumNamesTest, MapsEachValueToItsNameAndBack) {
    for (const auto light : {Light::Red, Light::Amber, Light::Green}) {
        EXPECT_EQ(LightNames.parse(LightNames.name(light)), light);
    }
    EXPECT_EQ(LightNames.name(Light::Amber), "amber");
    static_assert(LightNames.parse("green") == Light::Green);
}

TEST(EnumNamesTest, AnUnknownNameIsNoValue) {
    EXPECT_EQ(LightNames.parse("blue"), std::nullopt);
    EXPECT_EQ(LightNames.parse("Red"), std::nullopt);
    EXPECT_EQ(LightNames.parse(""), std::nullopt);
}

TEST(EnumNamesTest, AnUnknownStoredNameIsABrokenInvariantNamingWhatItIs) {
    EXPECT_EQ(LightNames.stored("red", "light"), Light::Red);
    try {
        LightNames.stored("blue", "light");
        FAIL() << "no exception";
    } catch (const std::runtime_error& error) {
        EXPECT_STREQ(error.what(), "unknown light 'blue' in the database");
    }
}

TEST(EnumNamesTest, ListsTheNamesForAMessage) {
    EXPECT_EQ(LightNames.list(), "red, amber or green");
}
