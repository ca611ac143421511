#pragma once

#include "core/plugin_wire/LogLevel.h"

#include <switchboard/sdk/Delivery.h>
#include <switchboard/sdk/HostServices.h>
#include <switchboard/sdk/Inbound.h>
#include <switchboard/sdk/ProviderStatus.h>
#include <switchboard/sdk/Settings.h>

#include <string>
#include <variant>

namespace switchboard::core::plugin_wire {

// The params of each method, typed (README.md has their JSON). `instance` names the channel instance of hub.yaml
// that a call is for or comes from: one host may run several instances of its plugin.

/// `describe` and `ping`: nothing.
struct NoParams {};

/// `configure` (the instance's settings), `validate_method` and `test` (a widget's method settings).
struct SettingsParams {
    std::string instance;
    sdk::Settings settings;
};

struct DeliverParams {
    std::string instance;
    sdk::Delivery delivery;
};

struct InboundParams {
    std::string instance;
    sdk::InboundRequest request;
};

struct PostInboundMessageParams {
    std::string instance;
    sdk::InboundMessage message;
};

struct UpdateDeliveryStatusParams {
    std::string instance;
    std::string providerId;
    sdk::ProviderStatus status = sdk::ProviderStatus::Queued;
    std::string errorCode;
    std::string errorText;
};

struct OptOutParams {
    std::string instance;
    std::string address;
    bool optedOut = true;
};

struct NotifyAgentsParams {
    std::string instance;
    sdk::AgentNotification notification;
};

struct SecretParams {
    std::string instance;
    std::string name;
};

/// `log`, the notice.
struct LogParams {
    std::string instance;
    LogLevel level = LogLevel::Info;
    std::string message;
};

using MethodParams =
    std::variant<NoParams, SettingsParams, DeliverParams, InboundParams, PostInboundMessageParams,
                 UpdateDeliveryStatusParams, OptOutParams, NotifyAgentsParams, SecretParams, LogParams>;

} // namespace switchboard::core::plugin_wire
