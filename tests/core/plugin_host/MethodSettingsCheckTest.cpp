#include "core/plugin_host/HubHostServices.h"
#include "core/plugin_host/MethodSettingsCheck.h"
#include "core/plugin_host/PluginHost.h"
#include "tests/core/plugin_host/StubHttpClient.h"
#include "tests/core/plugin_host/TestPlugins.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using namespace switchboard::core::plugin_host;
using switchboard::tests::StubHttpClient;
using switchboard::tests::testPluginFolder;
namespace sdk = switchboard::sdk;

namespace {

config::HandoverMethod method(const std::string& name, const std::string& channel) {
    config::HandoverMethod m;
    m.name = name;
    m.channel = channel;
    return m;
}

} // namespace

TEST(MethodSettingsCheckTest, EachMethodIsCheckedByTheChannelItNamesAndProblemsNameFileAndKey) {
    StubHttpClient http;
    common::ManualClock clock;
    PluginHost host(
        [&](const config::ChannelInstanceConfig& instance) {
            return std::make_unique<HubHostServices>(
                http, clock, instance.name, plugin_host::HubHostServices::Functions{});
        },
        {});
    host.loadPlugins(testPluginFolder("echo"));
    host.createInstances({{"greeter", "echo", {{"greeting", "Hello"}}}});

    config::WidgetConfig widget;
    widget.sourceFile = "/etc/switchboard/widgets/shop.yaml";
    auto good = method("greet", "greeter");
    good.settings = {{"salutation", "Dear"}};
    auto bad = method("shout", "greeter");
    bad.settings = {{"volume", "11"}};
    widget.handover.methods = {good, bad, method("fax", "fax-machine")};

    std::vector<std::string> described;
    for (const auto& issue : MethodSettingsCheck::problems(host, widget)) described.push_back(issue.toString());
    EXPECT_EQ(described,
              (std::vector<std::string>{
                  "/etc/switchboard/widgets/shop.yaml: handover.methods.shout.volume: is not a method setting of the "
                  "echo plugin",
                  "/etc/switchboard/widgets/shop.yaml: handover.methods.fax.channel: no channel instance \"fax-machine\" "
                  "was configured in hub.yaml"}));

    widget.handover.methods = {good};
    EXPECT_TRUE(MethodSettingsCheck::problems(host, widget).empty());
}
