#pragma once

#include "core/events/Event.h"

namespace switchboard::core::events {

/// How services announce committed changes, whichever edge (HTTP or socket) caused them. The single-node hub
/// delivers in process (LocalEventBus); several nodes share a Redis-backed implementation of this interface.
class EventBus {
public:
    virtual ~EventBus() = default;
    virtual void publish(const Event& event) = 0;
};

} // namespace switchboard::core::events
