#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace switchboard::core::events {

/// Where an event goes. Rooms mirror the real-time contract: one per conversation (its visitor and the agents
/// who joined it), one per widget's agents, one per agent.
struct Room {
    enum class Kind { Conversation, WidgetAgents, Agent };
    Kind kind;
    std::string id;
};

/// A state change the services announce after it is committed, e.g. `message:new`.
struct Event {
    std::string name;
    Poco::JSON::Object::Ptr payload;
    std::vector<Room> rooms;
};

} // namespace switchboard::core::events
