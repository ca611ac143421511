#pragma once

#include "core/config/ConfigError.h"
#include "core/config/WidgetConfig.h"
#include "core/plugin_host/PluginHost.h"

#include <vector>

namespace switchboard::core::plugin_host {

/// Has each handover method of a widget checked by the channel instance it names (a webhook's `url` and
/// `secret`, ...), as the widget's configuration is loaded or changed.
class MethodSettingsCheck {
public:
    /// Every problem, keyed `handover.methods.<method>.<key>` in the widget's file; empty when all is well.
    static std::vector<config::ConfigIssue> problems(const PluginHost& plugins, const config::WidgetConfig& widget);
};

} // namespace switchboard::core::plugin_host
