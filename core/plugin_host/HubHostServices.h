#pragma once

#include "core/common/Clock.h"
#include "core/plugin_host/ChannelLogger.h"
#include "core/plugin_host/HostClock.h"

#include <switchboard/sdk/HostServices.h>

#include <functional>
#include <optional>
#include <string>

namespace switchboard::core::plugin_host {

/// What the hub offers one channel instance. Posting inbound messages and notifying agents are handed in as
/// functions so that this class needs none of the hub's services; they must be safe to call from any thread.
class HubHostServices final : public sdk::HostServices {
public:
    using PostInboundMessage = std::function<bool(const sdk::InboundMessage& message)>;
    using NotifyAgents = std::function<int(const sdk::AgentNotification& notification)>;

    /// `http` and `clock` must outlive this object.
    HubHostServices(sdk::HttpClient& http, const common::Clock& clock, const std::string& instanceName,
                    PostInboundMessage postInboundMessage, NotifyAgents notifyAgents);

    sdk::HttpClient& http() override { return _http; }
    sdk::Logger& logger() override { return _logger; }
    const sdk::Clock& clock() override { return _clock; }
    /// From the process environment.
    std::optional<std::string> secret(const std::string& name) override;
    bool postInboundMessage(const sdk::InboundMessage& message) override;
    int notifyAgents(const sdk::AgentNotification& notification) override;

private:
    sdk::HttpClient& _http;
    HostClock _clock;
    ChannelLogger _logger;
    PostInboundMessage _postInboundMessage;
    NotifyAgents _notifyAgents;
};

} // namespace switchboard::core::plugin_host
