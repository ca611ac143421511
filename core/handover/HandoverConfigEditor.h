#pragma once

#include "core/auth/Caller.h"
#include "core/config/ConfigError.h"
#include "core/config/ConfigLoader.h"
#include "core/config/HubConfig.h"
#include "core/config/WidgetRegistry.h"

#include <Poco/JSON/Object.h>

#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace switchboard::core::handover {

/// A widget's handover block as the portal's settings page reads and writes it:
/// `{widget_id, enabled, default_method, max_attempts, methods: [{name, channel, label, requires, confirmation,
/// settings: {...}}]}`, secrets masked.
///
/// A change is written back into the widget's YAML file (only the `handover:` block is rewritten; every other line
/// and comment stays), validated exactly as at start-up (the file's parser, then each method's channel), written
/// atomically and applied at once. Bad input leaves the file and the running configuration untouched.
class HandoverConfigEditor {
public:
    /// Shown instead of a secret; sent back unchanged, it keeps the secret the file has.
    static constexpr const char* Mask = "********";
    /// The channels' checks of method settings (problems keyed `handover.methods.<method>.<key>`).
    using MethodCheck = std::function<std::vector<config::ConfigIssue>(const config::WidgetConfig&)>;

    HandoverConfigEditor(config::WidgetRegistry& widgets, const config::HubConfig& hub, MethodCheck checkMethods);

    /// Agents of the widget (404 otherwise).
    Poco::JSON::Object::Ptr view(const auth::Caller& caller, const std::string& widgetId) const;
    /// Admins only. Throws 422 `validation_failed` naming the first key at fault (and listing every problem).
    Poco::JSON::Object::Ptr update(const auth::Caller& caller, const std::string& widgetId,
                                   const Poco::JSON::Object::Ptr& body);

    /// Setting names whose values are secrets: `secret`, and names containing secret, password, token or key.
    static bool isSecret(const std::string& settingName);

private:
    config::WidgetRegistry& _widgets;
    const config::HubConfig& _hub;
    MethodCheck _checkMethods;
    config::ConfigLoader _loader;
    std::mutex _writing;
};

} // namespace switchboard::core::handover
