#pragma once

#include "core/common/EnumNames.h"
#include "core/plugin_wire/PeerRole.h"

namespace switchboard::core::plugin_wire {

/// What a `call` or a `notice` asks for: the SDK's Channel functions (hub to host), the SDK's HostServices
/// (host to hub), and `log`, the one notice.
enum class Method {
    Describe,
    Configure,
    ValidateMethod,
    Test,
    Deliver,
    Inbound,
    Ping,
    PostInboundMessage,
    UpdateDeliveryStatus,
    OptOut,
    NotifyAgents,
    Secret,
    Log,
};

inline constexpr common::EnumNames<Method, 13> MethodNames{{{
    {Method::Describe, "describe"},
    {Method::Configure, "configure"},
    {Method::ValidateMethod, "validate_method"},
    {Method::Test, "test"},
    {Method::Deliver, "deliver"},
    {Method::Inbound, "inbound"},
    {Method::Ping, "ping"},
    {Method::PostInboundMessage, "post_inbound_message"},
    {Method::UpdateDeliveryStatus, "update_delivery_status"},
    {Method::OptOut, "opt_out"},
    {Method::NotifyAgents, "notify_agents"},
    {Method::Secret, "secret"},
    {Method::Log, "log"},
}}};

/// Who sends messages of `method`: the hub calls the plugin's functions, the host calls the hub's services and
/// sends log lines.
PeerRole senderOf(Method method);

/// Whether `method` travels as a one-way `notice` (`log`) rather than as a `call` that is answered.
bool isNotice(Method method);

} // namespace switchboard::core::plugin_wire
