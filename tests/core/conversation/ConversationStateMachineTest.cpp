#include "core/conversation/ConversationStateMachine.h"

#include "tests/support/TransitionExpectations.h"

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>

using namespace switchboard::core::conversation;
using Status = ConversationStatus;
using switchboard::tests::expectTransitions;

namespace {

Conversation in(Status status) {
    Conversation conversation;
    conversation.status = status;
    return conversation;
}

} // namespace

TEST(ConversationStateMachineTest, TheTransitionTable) {
    expectTransitions<Status>(
        {
            {Status::Bot, {Status::Pending, Status::Active, Status::Resolved}},
            {Status::Pending, {Status::Active, Status::Resolved}},
            {Status::Active, {Status::Resolved}},
            {Status::Resolved, {Status::Pending, Status::Active}},
            {Status::Closed, {Status::Pending, Status::Active}},
        },
        [](auto from, auto to) { return ConversationStateMachine::allows(from, to); });
}

TEST(ConversationStateMachineTest, MoveToChangesTheStatusOrRefusesAMoveTheTableDoesNotAllow) {
    auto conversation = in(Status::Bot);
    ConversationStateMachine::moveTo(conversation, Status::Pending);
    EXPECT_EQ(conversation.status, Status::Pending);
    auto active = in(Status::Active);
    EXPECT_THROW(ConversationStateMachine::moveTo(active, Status::Pending), std::logic_error);
    EXPECT_EQ(active.status, Status::Active);
}

TEST(ConversationStateMachineTest, AnAgentJoiningActivatesOnlyAConversationWaitingForOne) {
    const std::map<Status, Status> after{{Status::Bot, Status::Active},
                                         {Status::Pending, Status::Active},
                                         {Status::Active, Status::Active},
                                         {Status::Resolved, Status::Resolved},
                                         {Status::Closed, Status::Closed}};
    for (const auto& [before, expected] : after) {
        auto conversation = in(before);
        ConversationStateMachine::agentJoined(conversation);
        EXPECT_EQ(conversation.status, expected) << toString(before);
    }
}

TEST(ConversationStateMachineTest, AReopenedConversationIsActiveWhenAssignedAndPendingOtherwise) {
    auto unassigned = in(Status::Resolved);
    ConversationStateMachine::reopen(unassigned);
    EXPECT_EQ(unassigned.status, Status::Pending);
    auto assigned = in(Status::Closed);
    assigned.assignedAgentId = "agent-1";
    ConversationStateMachine::reopen(assigned);
    EXPECT_EQ(assigned.status, Status::Active);
}
