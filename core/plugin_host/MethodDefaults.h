#pragma once

#include "core/config/WidgetConfig.h"
#include "core/plugin_host/PluginHost.h"

namespace switchboard::core::plugin_host {

/// Gives each handover method of a widget what its file leaves out (label, confirmation, required visitor fields)
/// from the channel it names: the handover method of the same name the channel describes, else its first one.
class MethodDefaults {
public:
    /// What a method shows when neither its file nor its channel says.
    static constexpr const char* GenericConfirmation = "Thanks! We'll be in touch shortly.";

    /// Completes every method of `widget`; a method whose channel instance is unknown, or describes no method, is
    /// labelled with its own name and gets the generic confirmation.
    static void complete(const PluginHost& plugins, config::WidgetConfig& widget);
};

} // namespace switchboard::core::plugin_host
