#pragma once

#include "core/common/Clock.h"
#include "core/plugin_host/ChannelLogger.h"
#include "core/plugin_host/HostClock.h"

#include <switchboard/sdk/HostServices.h>

#include <functional>
#include <optional>
#include <string>

namespace switchboard::core::plugin_host {

/// What the hub offers one channel instance. What the hub does for a channel is handed in as functions, called
/// with the instance's name, so that this class needs none of the hub's services and a channel acts only on its
/// own deliveries and contacts; they must be safe to call from any thread.
class HubHostServices final : public sdk::HostServices {
public:
    struct Functions {
        std::function<sdk::InboundOutcome(const std::string& instance, const sdk::InboundMessage& message)>
            postInboundMessage;
        std::function<int(const sdk::AgentNotification& notification)> notifyAgents;
        std::function<sdk::StatusUpdate(const std::string& instance, const std::string& providerId,
                                        sdk::ProviderStatus status, const std::string& errorCode,
                                        const std::string& errorText)>
            updateDeliveryStatus;
        std::function<void(const std::string& instance, const std::string& address, bool optedOut)> optOut;
    };

    /// `http` and `clock` must outlive this object.
    HubHostServices(sdk::HttpClient& http, const common::Clock& clock, const std::string& instanceName,
                    Functions hub);

    sdk::HttpClient& http() override { return _http; }
    sdk::Logger& logger() override { return _logger; }
    const sdk::Clock& clock() override { return _clock; }
    /// From the process environment.
    std::optional<std::string> secret(const std::string& name) override;
    sdk::InboundOutcome postInboundMessage(const sdk::InboundMessage& message) override;
    int notifyAgents(const sdk::AgentNotification& notification) override;
    sdk::StatusUpdate updateDeliveryStatus(const std::string& providerId, sdk::ProviderStatus status,
                                           const std::string& errorCode, const std::string& errorText) override;
    void optOut(const std::string& address, bool optedOut) override;

private:
    sdk::HttpClient& _http;
    HostClock _clock;
    const std::string _instanceName;
    ChannelLogger _logger;
    Functions _hub;
};

} // namespace switchboard::core::plugin_host
