#pragma once

#include "core/presence/VisitorPresence.h"

#include <Poco/JSON/Object.h>

#include <cstdint>

namespace switchboard::core::presence {

/// `{is_online, last_heartbeat, sockets}`, as `GET /api/widget/presence` and the widget's presence acks show it.
class VisitorPresenceJson {
public:
    /// `storedLastSeenMs` is the visitor's stored `last_seen_at`: a visitor this hub has not heard from since it
    /// started is known by that alone.
    static Poco::JSON::Object::Ptr object(const VisitorPresence::Snapshot& snapshot, std::int64_t storedLastSeenMs);
};

} // namespace switchboard::core::presence
