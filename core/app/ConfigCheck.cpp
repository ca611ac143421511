#include "core/app/ConfigCheck.h"

#include "core/app/BuiltinPluginFolder.h"
#include "core/app/ChannelSetup.h"
#include "core/app/Configuration.h"
#include "core/app/LogSetup.h"
#include "core/common/Clock.h"
#include "core/plugin_host/HubHostServices.h"
#include "core/plugin_host/PluginHost.h"
#include "core/store/DatabaseUrl.h"
#include "sdk/src/CurlHttpClient.h"

namespace switchboard::core::app {

int ConfigCheck::run(const CommandLine& line, std::ostream& out, std::ostream& errors) {
    auto configuration = Configuration::loadOrReport(line, errors);
    if (!configuration) return 1;
    const auto& hub = configuration->hub;
    configureLogging(hub.log);
    config::WidgetRegistry widgets(std::move(configuration->widgets));

    // The channels are configured, never called: nothing is sent, no message is posted, no agent is notified.
    common::SystemClock clock;
    sdk::CurlHttpClient http(sdk::OutboundPolicy{});
    plugin_host::PluginHost plugins(
        [&](const config::ChannelInstanceConfig& instance) {
            return std::make_unique<plugin_host::HubHostServices>(
                http, clock, instance.name, plugin_host::HubHostServices::Functions{});
        },
        plugin_host::PluginHost::Settings{.configFile = hub.sourceFile});
    const auto problems = ChannelSetup::run(plugins, hub, widgets, BuiltinPluginFolder::ofThisProcess());
    if (!problems.empty()) {
        for (const auto& problem : problems) errors << problem << "\n";
        errors << problems.size() << " configuration error(s)\n";
        return 1;
    }
    out << "configuration OK: " << hub.sourceFile << ", " << widgets.all().size() << " widget(s), "
        << plugins.instances().size() << " channel(s) on " << plugins.plugins().size() << " plugin(s)\n"
        << "server.port: " << hub.server.port << "\n"
        << "database.url: " << store::DatabaseUrl::parse(hub.database.url).redacted << "\n";
    return 0;
}

} // namespace switchboard::core::app
