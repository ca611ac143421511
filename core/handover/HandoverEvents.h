#pragma once

#include "core/events/EventBus.h"
#include "core/handover/HandoverRequest.h"
#include "core/handover/OutboxDelivery.h"

namespace switchboard::core::handover {

/// Announces a handover request's new state as `handover:updated {request}`, and a delivery's new provider status
/// as `delivery:status {...}`, to the agents of its widget, so that the portal's visitor panel follows deliveries
/// live.
class HandoverEvents {
public:
    explicit HandoverEvents(events::EventBus& bus) : _bus(bus) {}
    void updated(const HandoverRequest& request);
    void deliveryStatusChanged(const HandoverRequest& request, const OutboxDelivery& delivery);

private:
    events::EventBus& _bus;
};

} // namespace switchboard::core::handover
