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

/// A state change the services announce after it is committed, e.g. `message:new`. What the visitor hears of it
/// is decided here, where it is produced: the agents in `rooms` receive `payload`; the visitor of a conversation
/// room receives `visitorPayload` (the same object when they hear it whole), or nothing when it is null.
struct Event {
    std::string name;
    Poco::JSON::Object::Ptr payload;
    std::vector<Room> rooms;
    Poco::JSON::Object::Ptr visitorPayload = nullptr;
};

} // namespace switchboard::core::events
