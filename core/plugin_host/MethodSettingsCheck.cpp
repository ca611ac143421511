#include "core/plugin_host/MethodSettingsCheck.h"

namespace switchboard::core::plugin_host {

std::vector<std::string> MethodSettingsCheck::problems(const PluginHost& plugins, const config::WidgetConfig& widget) {
    std::vector<std::string> out;
    const auto prefix = widget.sourceFile + ": handover.methods.";
    for (const auto& method : widget.handover.methods) {
        const auto* instance = plugins.find(method.channel);
        if (!instance) {
            out.push_back(prefix + method.name + ".channel: no channel instance \"" + method.channel +
                          "\" was configured in hub.yaml");
            continue;
        }
        for (const auto& error : instance->channel().validateMethod(method.settings))
            out.push_back(prefix + method.name + "." + error.key + ": " + error.message);
    }
    return out;
}

} // namespace switchboard::core::plugin_host
