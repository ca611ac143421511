#pragma once

#include "core/common/EnumNames.h"

#include <string>

namespace switchboard::core::conversation {

/// Where a conversation stands: with the bot, waiting for an agent, with an agent, resolved, or closed for good.
/// Which status may follow which is ConversationStateMachine's to say.
enum class ConversationStatus { Bot, Pending, Active, Resolved, Closed };

/// The names the API, the socket and the database use; the only place they are spelt.
inline constexpr common::EnumNames<ConversationStatus, 5> ConversationStatusNames{{{
    {ConversationStatus::Bot, "bot"},
    {ConversationStatus::Pending, "pending"},
    {ConversationStatus::Active, "active"},
    {ConversationStatus::Resolved, "resolved"},
    {ConversationStatus::Closed, "closed"},
}}};

inline std::string toString(ConversationStatus status) {
    return std::string(ConversationStatusNames.name(status));
}

} // namespace switchboard::core::conversation
