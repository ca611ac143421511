#pragma once

#include "core/config/WidgetConfig.h"
#include "core/plugin_host/HubHostServices.h"
#include "core/plugin_host/PluginHost.h"
#include "tests/core/plugin_host/StubHttpClient.h"
#include "tests/core/plugin_host/TestPlugins.h"

#include <memory>
#include <string>

namespace switchboard::tests {

/// A plugin host with the echo test plugin loaded and one instance of it, `greeter`, configured: for tests of what
/// the host does with the widgets' handover methods.
class EchoChannels {
public:
    EchoChannels()
        : host(
              [this](const core::config::ChannelInstanceConfig& instance) {
                  return std::make_unique<core::plugin_host::HubHostServices>(
                      http, clock, instance.name, core::plugin_host::HubHostServices::Functions{});
              },
              {}) {
        host.loadPlugins(testPluginFolder("echo"));
        host.createInstances({{"greeter", "echo", {{"greeting", "Hello"}}}});
    }

    /// A handover method named `name` on the channel instance `channel`, with nothing else given.
    static core::config::HandoverMethod method(const std::string& name, const std::string& channel) {
        core::config::HandoverMethod m;
        m.name = name;
        m.channel = channel;
        return m;
    }

    StubHttpClient http;
    core::common::ManualClock clock;
    core::plugin_host::PluginHost host;
};

} // namespace switchboard::tests
