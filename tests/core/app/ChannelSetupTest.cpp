#include "core/app/ChannelSetup.h"
#include "core/plugin_host/HubHostServices.h"
#include "tests/core/plugin_host/StubHttpClient.h"
#include "tests/core/plugin_host/TestPlugins.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace switchboard::core;
using switchboard::tests::StubHttpClient;
using switchboard::tests::TemporaryFolder;
using switchboard::tests::testPluginFolder;
namespace sdk = switchboard::sdk;

namespace {

class ChannelSetupTest : public ::testing::Test {
protected:
    ChannelSetupTest()
        : plugins(
              [this](const config::ChannelInstanceConfig& instance) {
                  return std::make_unique<plugin_host::HubHostServices>(
                      http, clock, instance.name, plugin_host::HubHostServices::Functions{});
              },
              {}) {
        hub.pluginDir = folder.path();
        hub.channels = {{"greeter", "echo", {{"greeting", "Hello"}}}};
    }

    /// A widget read from `shop.yaml`, written with a method `shout` whose `volume` the echo channel refuses.
    config::WidgetConfig shop() {
        config::WidgetConfig widget;
        widget.sourceFile = folder.path() + "/shop.yaml";
        std::ofstream(widget.sourceFile) << "name: Shop\nhandover:\n  methods:\n    shout:\n      channel: greeter\n"
                                            "      volume: 11\n";
        config::HandoverMethod shout;
        shout.name = "shout";
        shout.channel = "greeter";
        shout.settings = {{"volume", "11"}};
        widget.handover.methods = {shout};
        return widget;
    }

    TemporaryFolder folder;
    StubHttpClient http;
    common::ManualClock clock;
    plugin_host::PluginHost plugins;
    config::HubConfig hub;
};

TEST_F(ChannelSetupTest, LoadsTheBuiltInPluginsAndChecksTheMethodsWithTheLineOfTheirWidgetFile) {
    config::WidgetRegistry widgets({shop()});
    EXPECT_EQ(app::ChannelSetup::run(plugins, hub, widgets, testPluginFolder("echo")),
              std::vector<std::string>{folder.path() +
                                       "/shop.yaml:6: handover.methods.shout.volume: is not a method setting of the "
                                       "echo plugin"});
    ASSERT_NE(plugins.find("greeter"), nullptr);
}

TEST_F(ChannelSetupTest, AllIsWellWhenEveryMethodIsAccepted) {
    auto widget = shop();
    widget.handover.methods[0].settings.clear();
    config::WidgetRegistry widgets({widget});
    EXPECT_TRUE(app::ChannelSetup::run(plugins, hub, widgets, testPluginFolder("echo")).empty());
}

TEST_F(ChannelSetupTest, AnInstanceThatCannotBeCreatedStopsTheChecksThere) {
    hub.channels = {{"greeter", "echo", {}}};
    config::WidgetRegistry widgets({shop()});
    EXPECT_EQ(app::ChannelSetup::run(plugins, hub, widgets, testPluginFolder("echo")),
              std::vector<std::string>{"channels.greeter.settings.greeting: is required"});
}

TEST_F(ChannelSetupTest, APluginRefusedStopsTheChecksThere) {
    folder.addPlugin("api1", "future.so");
    config::WidgetRegistry widgets({shop()});
    const auto problems = app::ChannelSetup::run(plugins, hub, widgets, testPluginFolder("echo"));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].substr(0, folder.path().size() + 12), folder.path() + "/future.so: ");
}

} // namespace
