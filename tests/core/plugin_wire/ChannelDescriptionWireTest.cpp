#include "core/plugin_wire/ChannelDescriptionWire.h"

#include "tests/support/PluginWireSamples.h"

#include <gtest/gtest.h>

using switchboard::core::plugin_wire::ChannelDescriptionWire;
using switchboard::core::plugin_wire::WireError;
using switchboard::sdk::SettingDescription;
using namespace switchboard::tests::plugin_wire;

namespace {

const std::string FullJson =
    R"j({"display_name":"Webhook (Standard Webhooks)","handover_methods":[{"confirmation":"We passed it on",)j"
    R"("label":"CRM","name":"webhook","required_fields":["email","phone"]}],)"
    R"("instance_settings":[{"description":"seconds","key":"timeout","required":false,"type":"text"}],)"
    R"("method_settings":[{"description":"where to POST","key":"url","required":true,"type":"http_url"},)"
    R"({"description":"signing key","key":"secret","required":true,"type":"secret"}],"visitor_reach":"phone"})";

} // namespace

TEST(ChannelDescriptionWireTest, CarriesEveryField) {
    expectWireForm(fullDescription(), ChannelDescriptionWire::toJson, ChannelDescriptionWire::fromJson, FullJson);
    const auto description = ChannelDescriptionWire::fromJson(readerOf(FullJson));
    EXPECT_EQ(description.visitorReach, switchboard::sdk::VisitorReach::Phone);
    EXPECT_EQ(description.methodSettings.at(0).type, SettingDescription::Type::HttpUrl);
    EXPECT_EQ(description.methodSettings.at(1).type, SettingDescription::Type::Secret);
    EXPECT_TRUE(description.methodSettings.at(1).required);
    EXPECT_EQ(description.handoverMethods.at(0).requiredFields, (std::vector<std::string>{"email", "phone"}));
}

TEST(ChannelDescriptionWireTest, CarriesAnEmptyDescription) {
    expectWireForm(switchboard::sdk::ChannelDescription{}, ChannelDescriptionWire::toJson,
                   ChannelDescriptionWire::fromJson,
                   R"({"display_name":"","handover_methods":[],"instance_settings":[],"method_settings":[],)"
                   R"("visitor_reach":"none"})");
}

TEST(ChannelDescriptionWireTest, NamesTheFieldAtFault) {
    try {
        ChannelDescriptionWire::fromJson(readerOf(
            R"({"display_name":"","handover_methods":[],"instance_settings":[],"visitor_reach":"none",)"
            R"("method_settings":[{"description":"","key":"url","required":true,"type":"url"}]})",
            "result"));
        FAIL() << "an unknown setting type was read";
    } catch (const WireError& error) {
        EXPECT_STREQ(error.what(), "'result.method_settings[0].type' must be text, secret or http_url");
    }
    EXPECT_THROW(ChannelDescriptionWire::fromJson(
                     readerOf(R"({"display_name":"","handover_methods":[],"instance_settings":[],"method_settings":[],)"
                              R"("visitor_reach":"fax"})")),
                 WireError);
}
