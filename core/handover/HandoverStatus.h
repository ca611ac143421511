#pragma once

#include "core/common/EnumNames.h"

#include <string>

namespace switchboard::core::handover {

/// Where a handover request stands: `pending` (stored, not yet delivered) → `notified` (a channel delivered it) →
/// `completed` (an agent took the conversation, or the channel confirmed a person has it); or `failed` once every
/// delivery gave up. Which status may follow which is HandoverStateMachine's to say.
enum class HandoverStatus { Pending, Notified, Completed, Failed };

/// The names the API, the socket and the database use; the only place they are spelt.
inline constexpr common::EnumNames<HandoverStatus, 4> HandoverStatusNames{{{
    {HandoverStatus::Pending, "pending"},
    {HandoverStatus::Notified, "notified"},
    {HandoverStatus::Completed, "completed"},
    {HandoverStatus::Failed, "failed"},
}}};

inline std::string toString(HandoverStatus status) {
    return std::string(HandoverStatusNames.name(status));
}

} // namespace switchboard::core::handover
