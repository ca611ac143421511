#include "core/presence/VisitorPresenceJson.h"

#include "core/common/Time.h"

#include <algorithm>

namespace switchboard::core::presence {

Poco::JSON::Object::Ptr VisitorPresenceJson::object(const VisitorPresence::Snapshot& snapshot,
                                                    std::int64_t storedLastSeenMs) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("is_online", snapshot.isOnline);
    json->set("last_heartbeat",
              common::formatIso8601Ms(std::max(snapshot.lastHeartbeatMs.value_or(0), storedLastSeenMs)));
    json->set("sockets", snapshot.sockets);
    return json;
}

} // namespace switchboard::core::presence
