#include "core/plugin_host/MethodDefaults.h"

#include <algorithm>

namespace switchboard::core::plugin_host {

namespace {

/// The description `method` takes its defaults from, or nullptr.
const sdk::HandoverMethodDescription* describedFor(const PluginHost& plugins, const config::HandoverMethod& method) {
    const auto* instance = plugins.find(method.channel);
    if (!instance) return nullptr;
    const auto& described = instance->description().handoverMethods;
    if (described.empty()) return nullptr;
    const auto same = std::find_if(described.begin(), described.end(),
                                   [&](const sdk::HandoverMethodDescription& d) { return d.name == method.name; });
    return same != described.end() ? &*same : &described.front();
}

} // namespace

void MethodDefaults::complete(const PluginHost& plugins, config::WidgetConfig& widget) {
    for (auto& method : widget.handover.methods) {
        const auto* described = describedFor(plugins, method);
        if (method.label.empty()) {
            method.label = described && !described->label.empty() ? described->label : method.name;
        }
        if (method.confirmation.empty()) {
            method.confirmation =
                described && !described->confirmation.empty() ? described->confirmation : GenericConfirmation;
        }
        if (!method.requiredFieldsGiven && described) method.requiredFields = described->requiredFields;
    }
}

} // namespace switchboard::core::plugin_host
