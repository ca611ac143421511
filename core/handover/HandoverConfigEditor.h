#pragma once

#include "core/auth/Caller.h"
#include "core/config/ConfigError.h"
#include "core/config/ConfigLoader.h"
#include "core/config/HubConfig.h"
#include "core/config/WidgetRegistry.h"
#include "core/handover/MethodSettingTypes.h"
#include "core/handover/SecretName.h"

#include <Poco/JSON/Object.h>

#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace switchboard::core::handover {

/// A widget's handover block as the portal's settings page reads and writes it:
/// `{widget_id, enabled, default_method, max_attempts, methods: [{name, channel, label, requires, confirmation,
/// settings: {...}}]}`, secrets masked; for agents who are not admins, the credentials in URLs too (UrlRedactor).
/// Which settings are secrets and which are URLs the hub will call is what their channel says (MethodSettingTypes).
///
/// A change is written back into the widget's YAML file (only the `handover:` block is rewritten; every other line
/// and comment stays), validated exactly as at start-up (the file's parser, then each method's channel), written
/// atomically and applied at once. A URL setting must be one the outbound policy lets requests reach (hub.yaml
/// `outbound`). Bad input leaves the file and the running configuration untouched.
class HandoverConfigEditor {
public:
    /// Shown instead of a secret; sent back unchanged, it keeps the secret the file has.
    static constexpr const char* Mask = SecretName::Mask;
    /// Completes the methods from their channels' descriptions (label, confirmation, required fields the file leaves
    /// out) and has the channels check their settings (problems keyed `handover.methods.<method>.<key>`).
    using MethodCheck = std::function<std::vector<config::ConfigIssue>(config::WidgetConfig&)>;
    /// The outbound policy's check of a URL: throws sdk::HttpError, of kind Refused when requests may not go there.
    using UrlCheck = std::function<void(const std::string& url)>;

    HandoverConfigEditor(config::WidgetRegistry& widgets, const config::HubConfig& hub, MethodCheck checkMethods,
                         UrlCheck checkUrl, MethodSettingTypes settingTypes);

    /// Agents of the widget (404 otherwise).
    Poco::JSON::Object::Ptr view(const auth::Caller& caller, const std::string& widgetId) const;
    /// Admins only. Throws 422 `validation_failed` naming the first key at fault and listing every problem with
    /// the line of its key in the widget file as the change would write it (`shop.yaml:9: handover.methods...`).
    Poco::JSON::Object::Ptr update(const auth::Caller& caller, const std::string& widgetId,
                                   const Poco::JSON::Object::Ptr& body);

private:
    /// What the outbound policy refuses among the methods' URLs (`handover.methods.<method>.<key>`).
    std::vector<config::ConfigIssue> refusedUrls(const config::WidgetConfig& widget) const;

    config::WidgetRegistry& _widgets;
    const config::HubConfig& _hub;
    MethodCheck _checkMethods;
    UrlCheck _checkUrl;
    MethodSettingTypes _settingTypes;
    config::ConfigLoader _loader;
    std::mutex _writing;
};

} // namespace switchboard::core::handover
