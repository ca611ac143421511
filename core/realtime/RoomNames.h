#pragma once

#include "core/events/Event.h"

#include <string>

namespace switchboard::core::realtime {

/// The loops' names for the rooms of the real-time contract: one per conversation, per widget's agents, per agent.
struct RoomNames {
    static std::string conversation(const std::string& conversationId) { return "c:" + conversationId; }
    static std::string widgetAgents(const std::string& widgetId) { return "w:" + widgetId; }
    static std::string agent(const std::string& agentId) { return "a:" + agentId; }

    static std::string of(const events::Room& room) {
        switch (room.kind) {
        case events::Room::Kind::Conversation:
            return conversation(room.id);
        case events::Room::Kind::WidgetAgents:
            return widgetAgents(room.id);
        case events::Room::Kind::Agent:
            return agent(room.id);
        }
        return room.id;
    }
};

} // namespace switchboard::core::realtime
