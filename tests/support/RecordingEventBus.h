#pragma once

#include "core/events/EventBus.h"

#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace switchboard::tests {

/// Keeps every published event, in order, and optionally runs a callback inside `publish`.
class RecordingEventBus final : public core::events::EventBus {
public:
    void publish(const core::events::Event& event) override {
        {
            std::lock_guard lock(_mutex);
            _events.push_back(event);
        }
        if (onPublish) onPublish(event);
    }

    std::vector<core::events::Event> events() const {
        std::lock_guard lock(_mutex);
        return _events;
    }

    std::vector<std::string> names() const {
        std::lock_guard lock(_mutex);
        std::vector<std::string> names;
        for (const auto& event : _events) names.push_back(event.name);
        return names;
    }

    void clear() {
        std::lock_guard lock(_mutex);
        _events.clear();
    }

    std::function<void(const core::events::Event&)> onPublish;

private:
    mutable std::mutex _mutex;
    std::vector<core::events::Event> _events;
};

/// The rooms of an event as "kind:id" strings, in order, for readable assertions.
inline std::vector<std::string> roomsOf(const core::events::Event& event) {
    std::vector<std::string> rooms;
    for (const auto& room : event.rooms) {
        switch (room.kind) {
        case core::events::Room::Kind::Conversation: rooms.push_back("conversation:" + room.id); break;
        case core::events::Room::Kind::WidgetAgents: rooms.push_back("widget:" + room.id); break;
        case core::events::Room::Kind::Agent: rooms.push_back("agent:" + room.id); break;
        }
    }
    return rooms;
}

} // namespace switchboard::tests
