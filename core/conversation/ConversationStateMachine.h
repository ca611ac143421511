#pragma once

#include "core/conversation/Conversation.h"
#include "core/conversation/ConversationStatus.h"

namespace switchboard::core::conversation {

/// The moves a conversation's status may make, in one table:
///
///     bot      → pending (a visitor asks for a person), active (an agent joins), resolved
///     pending  → active, resolved
///     active   → resolved
///     resolved → pending, active (reopened: active when an agent is assigned)
///     closed   → pending, active (reopened)
///
/// Staying in the same status is always allowed. Every change of status goes through `moveTo`.
class ConversationStateMachine {
public:
    static bool allows(ConversationStatus from, ConversationStatus to);

    /// Sets `conversation`'s status to `to`. A move the table does not allow is a mistake of the caller, which checks
    /// what the visitor or agent may do first; it is thrown as std::logic_error.
    static void moveTo(Conversation& conversation, ConversationStatus to);

    /// An agent took part (was assigned, or wrote): a conversation with the bot or waiting for an agent becomes
    /// active; any other keeps its status.
    static void agentJoined(Conversation& conversation);

    /// A resolved or closed conversation opens again: active when an agent is assigned, pending otherwise.
    static void reopen(Conversation& conversation);
};

} // namespace switchboard::core::conversation
