#include "switchboard/sdk/Plugin.h"
#include "switchboard/sdk/testing/FakeHostServices.h"

#include <Poco/ClassLoader.h>
#include <Poco/SharedLibrary.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>

using switchboard::sdk::Channel;
using switchboard::sdk::Delivery;
using switchboard::sdk::DeliveryResult;
using switchboard::sdk::PluginInfoFunction;
using switchboard::sdk::testing::FakeHostServices;
namespace sdk = switchboard::sdk;

namespace {

std::string pluginPath(const std::string& name) {
    return std::string(SWITCHBOARD_CHANNEL_PLUGIN_DIR) + "/" + name + ".so";
}

/// Loads a built plugin as the hub does: its info first, then its ChannelV2 manifest.
class ChannelPluginsTest : public ::testing::TestWithParam<std::string> {};

} // namespace

TEST_P(ChannelPluginsTest, DeclaresItsNameAndTheBuildTheHubChecks) {
    Poco::SharedLibrary library(pluginPath(GetParam()));
    ASSERT_TRUE(library.hasSymbol(sdk::PluginInfoSymbol));
    const auto info = reinterpret_cast<PluginInfoFunction>(library.getSymbol(sdk::PluginInfoSymbol))();
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(std::string(info->name), GetParam());
    EXPECT_EQ(info->apiVersion, sdk::ApiVersion);
    EXPECT_EQ(info->pocoVersion, POCO_VERSION);
    EXPECT_EQ(info->cxx11Abi, SWITCHBOARD_SDK_CXX11_ABI);
    EXPECT_FALSE(std::string(info->description).empty());
}

TEST_P(ChannelPluginsTest, ExportsExactlyOneChannelThatConfiguresWithoutSettings) {
    const auto path = pluginPath(GetParam());
    Poco::ClassLoader<Channel> loader;
    loader.loadLibrary(path, sdk::ChannelManifest);
    const auto& classes = loader.manifestFor(path);
    ASSERT_EQ(classes.size(), 1u);

    FakeHostServices host;
    const std::unique_ptr<Channel> channel(loader.create((*classes.begin())->name()));
    EXPECT_TRUE(channel->configure({}, host).empty());
    EXPECT_FALSE(channel->configure({{"no_such_setting", "1"}}, host).empty());
}

INSTANTIATE_TEST_SUITE_P(BuiltIn, ChannelPluginsTest, ::testing::Values("webhook", "portal"));

TEST(PortalPluginTest, TheLoadedPluginNotifiesThroughTheHostServices) {
    const auto path = pluginPath("portal");
    Poco::ClassLoader<Channel> loader;
    loader.loadLibrary(path, sdk::ChannelManifest);
    FakeHostServices host;
    const std::unique_ptr<Channel> channel(loader.create((*loader.manifestFor(path).begin())->name()));
    ASSERT_TRUE(channel->configure({}, host).empty());

    Delivery delivery;
    delivery.widgetId = "demo";
    delivery.recipient.visitor.name = "Ada Lovelace";
    EXPECT_EQ(channel->deliver(delivery).outcome, DeliveryResult::Outcome::Delivered);
    ASSERT_EQ(host.notifications().size(), 1u);
    EXPECT_EQ(host.notifications()[0].title, "Ada Lovelace asks for a person");
}
