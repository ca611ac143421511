#include "core/plugin_host/MethodDefaults.h"
#include "tests/core/plugin_host/EchoChannels.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using namespace switchboard::core::plugin_host;
using switchboard::tests::EchoChannels;

namespace {

class MethodDefaultsTest : public ::testing::Test {
protected:
    static config::HandoverMethod method(const std::string& name, const std::string& channel) {
        return EchoChannels::method(name, channel);
    }

    /// `methods` as MethodDefaults completes them.
    std::vector<config::HandoverMethod> completed(std::vector<config::HandoverMethod> methods) {
        config::WidgetConfig widget;
        widget.handover.methods = std::move(methods);
        MethodDefaults::complete(channels.host, widget);
        return widget.handover.methods;
    }

    EchoChannels channels;
};

} // namespace

TEST_F(MethodDefaultsTest, AMethodTakesWhatItsChannelDescribesForItsName) {
    const auto methods = completed({method("echo", "greeter"), method("shout", "greeter")});
    EXPECT_EQ(methods[0].label, "Echo me");
    EXPECT_EQ(methods[0].confirmation, "Echoed back shortly.");
    EXPECT_EQ(methods[0].requiredFields, std::vector<std::string>{"phone"});
    EXPECT_EQ(methods[1].label, "Shout");
    EXPECT_EQ(methods[1].confirmation, MethodDefaults::GenericConfirmation); // described without one
    EXPECT_TRUE(methods[1].requiredFields.empty());
}

TEST_F(MethodDefaultsTest, AMethodOfAnotherNameTakesTheChannelsFirstMethod) {
    const auto methods = completed({method("callback", "greeter")});
    EXPECT_EQ(methods[0].label, "Echo me");
    EXPECT_EQ(methods[0].requiredFields, std::vector<std::string>{"phone"});
}

TEST_F(MethodDefaultsTest, WhatTheFileGivesIsKept) {
    auto given = method("echo", "greeter");
    given.label = "Call me back";
    given.confirmation = "We'll call.";
    given.requiredFieldsGiven = true; // `requires: []`
    const auto methods = completed({given});
    EXPECT_EQ(methods[0].label, "Call me back");
    EXPECT_EQ(methods[0].confirmation, "We'll call.");
    EXPECT_TRUE(methods[0].requiredFields.empty());
}

TEST_F(MethodDefaultsTest, AMethodOfAnUnknownChannelIsLabelledWithItsName) {
    const auto methods = completed({method("fax", "fax-machine")});
    EXPECT_EQ(methods[0].label, "fax");
    EXPECT_EQ(methods[0].confirmation, MethodDefaults::GenericConfirmation);
    EXPECT_TRUE(methods[0].requiredFields.empty());
}
