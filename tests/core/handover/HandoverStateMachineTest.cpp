#include "core/handover/HandoverStateMachine.h"

#include "tests/support/TransitionExpectations.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace switchboard::core::handover;
using switchboard::tests::expectTransitions;

TEST(HandoverStateMachineTest, TheRequestTransitionTable) {
    expectTransitions<HandoverStatus>(
        {
            {HandoverStatus::Pending, {HandoverStatus::Notified, HandoverStatus::Completed, HandoverStatus::Failed}},
            {HandoverStatus::Notified, {HandoverStatus::Completed, HandoverStatus::Failed}},
            {HandoverStatus::Completed, {}},
            {HandoverStatus::Failed, {HandoverStatus::Pending}},
        },
        [](auto from, auto to) { return HandoverStateMachine::allows(from, to); });
}

TEST(HandoverStateMachineTest, TheDeliveryTransitionTable) {
    expectTransitions<DeliveryStatus>(
        {
            {DeliveryStatus::Pending, {DeliveryStatus::Delivered, DeliveryStatus::Failed}},
            {DeliveryStatus::Delivered, {}},
            {DeliveryStatus::Failed, {DeliveryStatus::Pending}},
        },
        [](auto from, auto to) { return HandoverStateMachine::allows(from, to); });
}

TEST(HandoverStateMachineTest, EachMoveStampsItsTimeAndARetryClearsTheFailure) {
    HandoverRequest request;
    HandoverStateMachine::moveTo(request, HandoverStatus::Notified, 10);
    HandoverStateMachine::moveTo(request, HandoverStatus::Failed, 20);
    EXPECT_EQ(request.notifiedAt, 10);
    EXPECT_EQ(request.failedAt, 20);
    HandoverStateMachine::moveTo(request, HandoverStatus::Pending, 30);
    EXPECT_EQ(request.status, HandoverStatus::Pending);
    EXPECT_EQ(request.failedAt, std::nullopt);
    HandoverStateMachine::moveTo(request, HandoverStatus::Completed, 40);
    EXPECT_EQ(request.completedAt, 40);

    OutboxDelivery delivery;
    HandoverStateMachine::moveTo(delivery, DeliveryStatus::Failed, 50);
    EXPECT_EQ(delivery.failedAt, 50);
    HandoverStateMachine::moveTo(delivery, DeliveryStatus::Pending, 60);
    EXPECT_EQ(delivery.failedAt, std::nullopt);
    HandoverStateMachine::moveTo(delivery, DeliveryStatus::Delivered, 70);
    EXPECT_EQ(delivery.deliveredAt, 70);
}

TEST(HandoverStateMachineTest, StayingPutStampsNothingAndAMoveOffTheTableIsRefused) {
    HandoverRequest request;
    request.status = HandoverStatus::Notified;
    request.notifiedAt = 10;
    HandoverStateMachine::moveTo(request, HandoverStatus::Notified, 99);
    EXPECT_EQ(request.notifiedAt, 10);
    request.status = HandoverStatus::Completed;
    EXPECT_THROW(HandoverStateMachine::moveTo(request, HandoverStatus::Failed, 99), std::logic_error);
    OutboxDelivery delivery;
    delivery.status = DeliveryStatus::Delivered;
    EXPECT_THROW(HandoverStateMachine::moveTo(delivery, DeliveryStatus::Pending, 99), std::logic_error);
}
