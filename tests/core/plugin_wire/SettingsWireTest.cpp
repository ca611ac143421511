#include "core/plugin_wire/SettingsWire.h"

#include "tests/support/PluginWireSamples.h"

#include <gtest/gtest.h>

using switchboard::core::plugin_wire::SettingsWire;
using switchboard::core::plugin_wire::WireError;
using switchboard::core::plugin_wire::WireJson;
using namespace switchboard::tests::plugin_wire;

TEST(SettingsWireTest, CarriesSettingsAsAnObjectOfStrings) {
    const switchboard::sdk::Settings settings{{"smtp.port", "587"}, {"cc.0", AwkwardText}, {"empty", ""}};
    const auto json = WireJson::write(SettingsWire::toJson(settings));
    EXPECT_EQ(json, R"({"cc.0":)" + AwkwardJson + R"(,"empty":"","smtp.port":"587"})");
    auto reader = readerOf(R"({"settings":)" + json + "}");
    EXPECT_EQ(SettingsWire::fromJson(reader, "settings"), settings);
}

TEST(SettingsWireTest, CarriesErrorsInOrder) {
    const switchboard::sdk::SettingErrors errors{{"url", "is required"}, {"secret", "too short"}};
    Poco::JSON::Object::Ptr holder = new Poco::JSON::Object;
    holder->set("errors", SettingsWire::errorsToJson(errors));
    const auto json = WireJson::write(holder);
    EXPECT_EQ(json, R"({"errors":[{"key":"url","message":"is required"},{"key":"secret","message":"too short"}]})");
    auto reader = readerOf(json);
    const auto read = SettingsWire::errorsFromJson(reader, "errors");
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[1].key, "secret");
    EXPECT_EQ(read[1].message, "too short");
}

TEST(SettingsWireTest, RefusesASettingThatIsNotAString) {
    auto reader = readerOf(R"({"settings":{"port":587}})");
    try {
        SettingsWire::fromJson(reader, "settings");
        FAIL() << "a number was read as a setting";
    } catch (const WireError& error) {
        EXPECT_STREQ(error.what(), "'params.settings.port' must be a string");
    }
}
