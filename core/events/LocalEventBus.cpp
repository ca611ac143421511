#include "core/events/LocalEventBus.h"

namespace switchboard::core::events {

void LocalEventBus::subscribe(Subscriber subscriber) {
    std::lock_guard lock(_mutex);
    _subscribers.push_back(std::move(subscriber));
}

void LocalEventBus::publish(const Event& event) {
    std::vector<Subscriber> subscribers;
    {
        std::lock_guard lock(_mutex);
        subscribers = _subscribers;
    }
    for (const auto& subscriber : subscribers) subscriber(event);
}

} // namespace switchboard::core::events
