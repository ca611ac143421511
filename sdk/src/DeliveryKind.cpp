#include "switchboard/sdk/DeliveryKind.h"

#include <array>
#include <utility>

namespace switchboard::sdk {

namespace {

/// Every kind with its name and how much history it carries: the one place that knows them.
struct KindEntry {
    DeliveryKind kind;
    std::string_view name;
    std::size_t historyLength;
};

/// Handovers and alerts carry enough for a person to pick up the conversation; a bot answering a visitor sees as
/// much; a transcript is the whole conversation (bounded); a message or notice to the visitor needs none.
constexpr std::array<KindEntry, 6> Kinds{{
    {DeliveryKind::HandoverRequested, "handover_requested", 20},
    {DeliveryKind::AgentMessage, "agent_message", 0},
    {DeliveryKind::VisitorNotice, "visitor_notice", 0},
    {DeliveryKind::AgentAlert, "agent_alert", 20},
    {DeliveryKind::Transcript, "transcript", 1000},
    {DeliveryKind::VisitorMessage, "visitor_message", 20},
}};

const KindEntry& entryOf(DeliveryKind kind) {
    for (const auto& entry : Kinds) {
        if (entry.kind == kind) return entry;
    }
    return Kinds.front(); // unreachable: every enumerator has an entry
}

} // namespace

std::string_view toString(DeliveryKind kind) { return entryOf(kind).name; }

std::optional<DeliveryKind> deliveryKindFromString(std::string_view name) {
    for (const auto& entry : Kinds) {
        if (entry.name == name) return entry.kind;
    }
    return std::nullopt;
}

std::size_t historyLength(DeliveryKind kind) { return entryOf(kind).historyLength; }

} // namespace switchboard::sdk
