#include "core/plugin_host/HubHostServices.h"

#include <Poco/Environment.h>

namespace switchboard::core::plugin_host {

HubHostServices::HubHostServices(sdk::HttpClient& http, const common::Clock& clock, const std::string& instanceName,
                                 Functions hub)
    : _http(http), _clock(clock), _instanceName(instanceName), _logger(instanceName), _hub(std::move(hub)) {}

std::optional<std::string> HubHostServices::secret(const std::string& name) {
    if (name.empty() || !Poco::Environment::has(name)) return std::nullopt;
    return Poco::Environment::get(name);
}

sdk::InboundOutcome HubHostServices::postInboundMessage(const sdk::InboundMessage& message) {
    return _hub.postInboundMessage(_instanceName, message);
}

int HubHostServices::notifyAgents(const sdk::AgentNotification& notification) {
    return _hub.notifyAgents(notification);
}

sdk::StatusUpdate HubHostServices::updateDeliveryStatus(const std::string& providerId, sdk::ProviderStatus status,
                                                        const std::string& errorCode, const std::string& errorText) {
    return _hub.updateDeliveryStatus(_instanceName, providerId, status, errorCode, errorText);
}

void HubHostServices::optOut(const std::string& address, bool optedOut) {
    _hub.optOut(_instanceName, address, optedOut);
}

} // namespace switchboard::core::plugin_host
