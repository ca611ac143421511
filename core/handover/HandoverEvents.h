#pragma once

#include "core/events/EventBus.h"
#include "core/handover/HandoverRequest.h"

namespace switchboard::core::handover {

/// Announces a handover request's new state as `handover:updated {request}` to the agents of its widget, so that
/// the portal's visitor panel follows deliveries live.
class HandoverEvents {
public:
    explicit HandoverEvents(events::EventBus& bus) : _bus(bus) {}
    void updated(const HandoverRequest& request);

private:
    events::EventBus& _bus;
};

} // namespace switchboard::core::handover
