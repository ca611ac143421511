#pragma once

#include "core/realtime/SocketLoop.h"

#include <algorithm>
#include <cstdint>

namespace switchboard::core::realtime {

/// A socket's one loop deadline serves two clocks: its heartbeat (the CONNECT, ping or pong deadline) and its held
/// typing updates (see TypingThrottle). The loop is asked for the earlier of the two.
struct SocketDeadline {
    /// The connection's CONNECT, ping or pong deadline falls at `dueMs`.
    static void heartbeatAt(SocketLoop& loop, Connection& connection, std::int64_t dueMs) {
        connection.heartbeatDueMs = dueMs;
        arm(loop, connection);
    }

    /// Asks the loop for the earlier deadline. A closing connection keeps the loop's own.
    static void arm(SocketLoop& loop, Connection& connection) {
        if (connection.closing()) return;
        const auto typing = connection.typing.nextDueMs();
        const auto due = typing ? std::min(*typing, connection.heartbeatDueMs) : connection.heartbeatDueMs;
        if (due != connection.deadlineMs) loop.setDeadline(connection, due);
    }
};

} // namespace switchboard::core::realtime
