#include "core/handover/HandoverStateMachine.h"

#include "core/common/TransitionTable.h"

#include <stdexcept>
#include <string>

namespace switchboard::core::handover {

namespace {

constexpr common::TransitionTable<HandoverStatus, 6> RequestMoves{{{
    {HandoverStatus::Pending, HandoverStatus::Notified},
    {HandoverStatus::Pending, HandoverStatus::Completed},
    {HandoverStatus::Pending, HandoverStatus::Failed},
    {HandoverStatus::Notified, HandoverStatus::Completed},
    {HandoverStatus::Notified, HandoverStatus::Failed},
    {HandoverStatus::Failed, HandoverStatus::Pending},
}}};

constexpr common::TransitionTable<DeliveryStatus, 3> DeliveryMoves{{{
    {DeliveryStatus::Pending, DeliveryStatus::Delivered},
    {DeliveryStatus::Pending, DeliveryStatus::Failed},
    {DeliveryStatus::Failed, DeliveryStatus::Pending},
}}};

template <typename Status>
void refuseUnless(bool allowed, const char* what, Status from, Status to) {
    if (!allowed) {
        throw std::logic_error(std::string(what) + " cannot go from " + toString(from) + " to " + toString(to));
    }
}

} // namespace

bool HandoverStateMachine::allows(HandoverStatus from, HandoverStatus to) {
    return RequestMoves.allows(from, to);
}

bool HandoverStateMachine::allows(DeliveryStatus from, DeliveryStatus to) {
    return DeliveryMoves.allows(from, to);
}

void HandoverStateMachine::moveTo(HandoverRequest& request, HandoverStatus to, std::int64_t nowMs) {
    refuseUnless(allows(request.status, to), "a handover request", request.status, to);
    if (request.status == to) return;
    request.status = to;
    switch (to) {
    case HandoverStatus::Pending: request.failedAt.reset(); break;
    case HandoverStatus::Notified: request.notifiedAt = nowMs; break;
    case HandoverStatus::Completed: request.completedAt = nowMs; break;
    case HandoverStatus::Failed: request.failedAt = nowMs; break;
    }
}

void HandoverStateMachine::moveTo(OutboxDelivery& delivery, DeliveryStatus to, std::int64_t nowMs) {
    refuseUnless(allows(delivery.status, to), "a delivery", delivery.status, to);
    if (delivery.status == to) return;
    delivery.status = to;
    switch (to) {
    case DeliveryStatus::Pending: delivery.failedAt.reset(); break;
    case DeliveryStatus::Delivered: delivery.deliveredAt = nowMs; break;
    case DeliveryStatus::Failed: delivery.failedAt = nowMs; break;
    }
}

} // namespace switchboard::core::handover
