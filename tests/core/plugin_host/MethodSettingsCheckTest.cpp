#include "core/plugin_host/MethodSettingsCheck.h"
#include "tests/core/plugin_host/EchoChannels.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using namespace switchboard::core::plugin_host;
using switchboard::tests::EchoChannels;

TEST(MethodSettingsCheckTest, EachMethodIsCheckedByTheChannelItNamesAndProblemsNameFileAndKey) {
    EchoChannels channels;
    const auto& host = channels.host;
    const auto method = &EchoChannels::method;

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
