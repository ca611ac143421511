#pragma once

#include "core/common/EnumNames.h"

#include <string>

namespace switchboard::core::handover {

/// Where one outbox delivery stands: `pending` (due, or held by a worker's lease, and retried after a failed
/// attempt while attempts remain), `delivered`, or `failed` for good. Which status may follow which is
/// HandoverStateMachine's to say.
enum class DeliveryStatus { Pending, Delivered, Failed };

/// The names the API and the database use; the only place they are spelt.
inline constexpr common::EnumNames<DeliveryStatus, 3> DeliveryStatusNames{{{
    {DeliveryStatus::Pending, "pending"},
    {DeliveryStatus::Delivered, "delivered"},
    {DeliveryStatus::Failed, "failed"},
}}};

inline std::string toString(DeliveryStatus status) {
    return std::string(DeliveryStatusNames.name(status));
}

} // namespace switchboard::core::handover
