#pragma once

#include "core/config/HubConfig.h"
#include "core/config/WidgetRegistry.h"
#include "core/plugin_host/PluginHost.h"

#include <string>
#include <vector>

namespace switchboard::core::app {

/// What the hub does with its channels before it starts, and so what `check-config` checks beyond the files: loads
/// the plugins (hub.yaml's `plugin_dir`, then the built-in ones), creates hub.yaml's channel
/// instances, completes each widget's handover methods from their channels' descriptions (label, confirmation,
/// required fields) and has them checked by the channel they name. Each step runs only when the one before it found
/// nothing wrong.
class ChannelSetup {
public:
    /// Every problem, one line each, naming the file (and line) or the plugin it is about; empty when the hub may
    /// start with these channels. `builtinPluginDir` holds the built-in plugins (BuiltinPluginFolder).
    static std::vector<std::string> run(plugin_host::PluginHost& plugins, const config::HubConfig& hub,
                                        config::WidgetRegistry& widgets, const std::string& builtinPluginDir);
};

} // namespace switchboard::core::app
