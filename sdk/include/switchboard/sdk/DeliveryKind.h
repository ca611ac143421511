#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace switchboard::sdk {

/// What a delivery asks a channel to do. A channel that does not handle a kind answers `DeliveryResult::failed`.
enum class DeliveryKind {
    /// `handover_requested`: the visitor asked for a person through a handover method backed by this channel.
    HandoverRequested,
    /// `agent_message`: an agent's (or the bot's) message for a visitor who is reached through this channel.
    AgentMessage,
    /// `visitor_notice`: a short text to the visitor ("an agent will contact you shortly").
    VisitorNotice,
    /// `agent_alert`: tells agents (the recipient's `agentAddresses`) about activity they have not seen.
    AgentAlert,
    /// `transcript`: the conversation, when it is resolved, for a visitor who asked for it.
    Transcript,
    /// `visitor_message`: a visitor's message, for a channel that answers on the hub's behalf (a bot).
    VisitorMessage,
};

/// The kind's name on the wire: "handover_requested", "agent_message", ...
std::string_view toString(DeliveryKind kind);

/// The kind named `name`, or nullopt for a name no kind has.
std::optional<DeliveryKind> deliveryKindFromString(std::string_view name);

/// How many of the conversation's latest messages a delivery of `kind` carries in `Delivery::history`.
std::size_t historyLength(DeliveryKind kind);

} // namespace switchboard::sdk
