#pragma once

#include <switchboard/sdk/ChannelDescription.h>
#include <switchboard/sdk/DeliveryResult.h>
#include <switchboard/sdk/Inbound.h>
#include <switchboard/sdk/InboundOutcome.h>
#include <switchboard/sdk/Settings.h>
#include <switchboard/sdk/StatusUpdate.h>
#include <switchboard/sdk/TestResult.h>

#include <optional>
#include <string>
#include <variant>

namespace switchboard::core::plugin_wire {

// The result of each method, typed (README.md has their JSON).

/// `ping` and `opt_out`: nothing.
struct NoResult {};

/// `configure` and `validate_method`: what is wrong with the settings, naming each key.
struct SettingErrorsResult {
    sdk::SettingErrors errors;
};

/// `update_delivery_status`.
struct StatusUpdateResult {
    sdk::StatusUpdate update = sdk::StatusUpdate::Unknown;
};

/// `notify_agents`: how many of the widget's agents are online now.
struct NotifyAgentsResult {
    int onlineAgents = 0;
};

/// `secret`: the secret's value, none when it is not set.
struct SecretResult {
    std::optional<std::string> value;
};

using MethodResult =
    std::variant<NoResult, sdk::ChannelDescription, SettingErrorsResult, sdk::TestResult, sdk::DeliveryResult,
                 sdk::InboundResult, sdk::InboundOutcome, StatusUpdateResult, NotifyAgentsResult, SecretResult>;

} // namespace switchboard::core::plugin_wire
