#include "core/conversation/ConversationStateMachine.h"

#include "core/common/TransitionTable.h"

#include <stdexcept>

namespace switchboard::core::conversation {

namespace {

using Status = ConversationStatus;

constexpr common::TransitionTable<Status, 10> Moves{{{
    {Status::Bot, Status::Pending},
    {Status::Bot, Status::Active},
    {Status::Bot, Status::Resolved},
    {Status::Pending, Status::Active},
    {Status::Pending, Status::Resolved},
    {Status::Active, Status::Resolved},
    {Status::Resolved, Status::Pending},
    {Status::Resolved, Status::Active},
    {Status::Closed, Status::Pending},
    {Status::Closed, Status::Active},
}}};

} // namespace

bool ConversationStateMachine::allows(ConversationStatus from, ConversationStatus to) {
    return Moves.allows(from, to);
}

void ConversationStateMachine::moveTo(Conversation& conversation, ConversationStatus to) {
    if (!allows(conversation.status, to)) {
        throw std::logic_error("a conversation cannot go from " + toString(conversation.status) + " to " +
                               toString(to));
    }
    conversation.status = to;
}

void ConversationStateMachine::agentJoined(Conversation& conversation) {
    if (conversation.status == Status::Bot || conversation.status == Status::Pending) {
        moveTo(conversation, Status::Active);
    }
}

void ConversationStateMachine::reopen(Conversation& conversation) {
    moveTo(conversation, conversation.assignedAgentId ? Status::Active : Status::Pending);
}

} // namespace switchboard::core::conversation
