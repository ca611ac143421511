#include "core/app/ChannelSetup.h"

#include "core/config/KeyLocator.h"
#include "core/plugin_host/MethodDefaults.h"
#include "core/plugin_host/MethodSettingsCheck.h"
#include "core/plugin_host/PluginError.h"

namespace switchboard::core::app {

std::vector<std::string> ChannelSetup::run(plugin_host::PluginHost& plugins, const config::HubConfig& hub,
                                           config::WidgetRegistry& widgets, const std::string& builtinPluginDir) {
    try {
        plugins.loadPlugins(hub.pluginDir, builtinPluginDir);
        plugins.createInstances(hub.channels);
    } catch (const plugin_host::PluginError& error) {
        return error.problems();
    }
    std::vector<std::string> problems;
    for (const auto& widget : widgets.all()) {
        // What a method's file leaves out (label, confirmation, required fields) comes from its channel.
        auto completed = *widget;
        plugin_host::MethodDefaults::complete(plugins, completed);
        for (auto issue : plugin_host::MethodSettingsCheck::problems(plugins, completed)) {
            // Found on the files as loaded, so their lines are those of the files on disk.
            if (issue.line == 0) issue.line = config::KeyLocator::lineOf(issue.file, issue.key);
            problems.push_back(issue.toString());
        }
        widgets.replace(std::move(completed));
    }
    return problems;
}

} // namespace switchboard::core::app
