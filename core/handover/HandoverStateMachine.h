#pragma once

#include "core/handover/HandoverRequest.h"
#include "core/handover/OutboxDelivery.h"

#include <cstdint>

namespace switchboard::core::handover {

/// The moves a handover request's and an outbox delivery's status may make, in one table each:
///
///     request:  pending  → notified (a channel delivered it), completed, failed (every delivery gave up)
///               notified → completed (an agent took the conversation, or the channel confirmed a person), failed
///               failed   → pending (retried)
///     delivery: pending  → delivered, failed (no attempts left); a retry later stays pending
///               failed   → pending (retried)
///
/// Staying in the same status is always allowed. Every change of status goes through `moveTo`, which also stamps
/// the time it happened (`notifiedAt`, `completedAt`, `deliveredAt`, `failedAt`; a retry clears `failedAt`).
class HandoverStateMachine {
public:
    static bool allows(HandoverStatus from, HandoverStatus to);
    static bool allows(DeliveryStatus from, DeliveryStatus to);

    /// A move the table does not allow is a mistake of the caller, thrown as std::logic_error.
    static void moveTo(HandoverRequest& request, HandoverStatus to, std::int64_t nowMs);
    static void moveTo(OutboxDelivery& delivery, DeliveryStatus to, std::int64_t nowMs);
};

} // namespace switchboard::core::handover
