#include "core/plugin_host/MethodSettingsCheck.h"

namespace switchboard::core::plugin_host {

std::vector<config::ConfigIssue> MethodSettingsCheck::problems(const PluginHost& plugins,
                                                               const config::WidgetConfig& widget) {
    std::vector<config::ConfigIssue> out;
    for (const auto& method : widget.handover.methods) {
        const auto key = "handover.methods." + method.name + ".";
        const auto* instance = plugins.find(method.channel);
        if (!instance) {
            out.push_back({widget.sourceFile, 0, key + "channel",
                           "no channel instance \"" + method.channel + "\" was configured in hub.yaml"});
            continue;
        }
        for (const auto& error : instance->channel().validateMethod(method.settings))
            out.push_back({widget.sourceFile, 0, key + error.key, error.message});
    }
    return out;
}

} // namespace switchboard::core::plugin_host
