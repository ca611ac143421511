#include "switchboard/sdk/DeliveryKind.h"

#include "EnumNames.h"

namespace switchboard::sdk {

namespace {

constexpr EnumNames<DeliveryKind, 6> Names{{{
    {DeliveryKind::HandoverRequested, "handover_requested"},
    {DeliveryKind::AgentMessage, "agent_message"},
    {DeliveryKind::VisitorNotice, "visitor_notice"},
    {DeliveryKind::AgentAlert, "agent_alert"},
    {DeliveryKind::Transcript, "transcript"},
    {DeliveryKind::VisitorMessage, "visitor_message"},
}}};

} // namespace

std::string_view toString(DeliveryKind kind) { return Names.nameOf(kind); }

std::optional<DeliveryKind> deliveryKindFromString(std::string_view name) { return Names.valueOf(name); }

std::size_t historyLength(DeliveryKind kind) {
    // Handovers and alerts carry enough for a person to pick up the conversation; a bot answering a visitor sees as
    // much; a transcript is the whole conversation (bounded); a message or notice to the visitor needs none.
    switch (kind) {
    case DeliveryKind::HandoverRequested:
    case DeliveryKind::AgentAlert:
    case DeliveryKind::VisitorMessage: return 20;
    case DeliveryKind::Transcript: return 1000;
    case DeliveryKind::AgentMessage:
    case DeliveryKind::VisitorNotice: break;
    }
    return 0;
}

} // namespace switchboard::sdk
