#pragma once

#include "core/events/EventBus.h"

#include <functional>
#include <mutex>
#include <vector>

namespace switchboard::core::events {

/// In-process fan-out to subscribers (the real-time rooms, notifications, tests).
class LocalEventBus final : public EventBus {
public:
    using Subscriber = std::function<void(const Event&)>;

    void subscribe(Subscriber subscriber);
    void publish(const Event& event) override;

private:
    std::mutex _mutex;
    std::vector<Subscriber> _subscribers;
};

} // namespace switchboard::core::events
