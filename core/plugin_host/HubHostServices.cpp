#include "core/plugin_host/HubHostServices.h"

#include <Poco/Environment.h>

namespace switchboard::core::plugin_host {

HubHostServices::HubHostServices(sdk::HttpClient& http, const common::Clock& clock, const std::string& instanceName,
                                 PostInboundMessage postInboundMessage, NotifyAgents notifyAgents)
    : _http(http), _clock(clock), _logger(instanceName), _postInboundMessage(std::move(postInboundMessage)),
      _notifyAgents(std::move(notifyAgents)) {}

std::optional<std::string> HubHostServices::secret(const std::string& name) {
    if (name.empty() || !Poco::Environment::has(name)) return std::nullopt;
    return Poco::Environment::get(name);
}

bool HubHostServices::postInboundMessage(const sdk::InboundMessage& message) { return _postInboundMessage(message); }

int HubHostServices::notifyAgents(const sdk::AgentNotification& notification) { return _notifyAgents(notification); }

} // namespace switchboard::core::plugin_host
