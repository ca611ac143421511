#include "core/http/ChannelDescriptionJson.h"

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

using switchboard::core::http::ChannelDescriptionJson;
namespace sdk = switchboard::sdk;

namespace {

TEST(ChannelDescriptionJsonTest, ListsTheMethodsAndEverySettingWithItsDescription) {
    sdk::ChannelDescription description;
    description.displayName = "WhatsApp (Twilio)";
    description.handoverMethods = {{"whatsapp", "WhatsApp", "Check your WhatsApp.", {"phone"}}};
    using Type = sdk::SettingDescription::Type;
    description.instanceSettings = {{"account_sid", "The Twilio account", true},
                                    {"auth_token", "Signs Twilio's callbacks", true, Type::Secret}};
    description.methodSettings = {{"from", "The sender number, E.164", false},
                                  {"status_url", "Where Twilio reports", false, Type::HttpUrl}};

    const auto json = ChannelDescriptionJson::toJson(description, "twilio");
    EXPECT_EQ(json->getValue<std::string>("display_name"), "WhatsApp (Twilio)");
    const auto method = json->getArray("handover_methods")->getObject(0);
    EXPECT_EQ(method->getValue<std::string>("name"), "whatsapp");
    EXPECT_EQ(method->getValue<std::string>("label"), "WhatsApp");
    EXPECT_EQ(method->getValue<std::string>("confirmation"), "Check your WhatsApp.");
    EXPECT_EQ(method->getArray("requires")->getElement<std::string>(0), "phone");
    const auto instance = json->getArray("instance_settings");
    ASSERT_EQ(instance->size(), 2u);
    EXPECT_EQ(instance->getObject(1)->getValue<std::string>("key"), "auth_token");
    EXPECT_EQ(instance->getObject(1)->getValue<std::string>("description"), "Signs Twilio's callbacks");
    EXPECT_TRUE(instance->getObject(1)->getValue<bool>("required"));
    EXPECT_TRUE(instance->getObject(1)->getValue<bool>("secret"));
    EXPECT_FALSE(instance->getObject(0)->getValue<bool>("secret"));
    EXPECT_EQ(json->getArray("method_settings")->getObject(0)->getValue<std::string>("key"), "from");
    EXPECT_FALSE(json->getArray("method_settings")->getObject(1)->getValue<bool>("secret")) << "a URL is no secret";
}

TEST(ChannelDescriptionJsonTest, AChannelThatDescribesNothingIsShownByItsPluginsName) {
    const auto json = ChannelDescriptionJson::toJson({}, "legacy");
    EXPECT_EQ(json->getValue<std::string>("display_name"), "legacy");
    EXPECT_EQ(json->getArray("handover_methods")->size(), 0u);
    EXPECT_EQ(json->getArray("method_settings")->size(), 0u);
}

} // namespace
