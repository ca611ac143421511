#pragma once

#include "core/config/WidgetConfig.h"
#include "core/plugin_host/PluginHost.h"

#include <string>
#include <vector>

namespace switchboard::core::plugin_host {

/// Has each handover method of a widget checked by the channel instance it names (a webhook's `url` and
/// `secret`, ...), as the widget's configuration is loaded or changed.
class MethodSettingsCheck {
public:
    /// Every problem as `<widget file>: handover.methods.<method>.<key>: <message>`; empty when all is well.
    static std::vector<std::string> problems(const PluginHost& plugins, const config::WidgetConfig& widget);
};

} // namespace switchboard::core::plugin_host
