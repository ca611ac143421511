#pragma once

#include "core/realtime/EventArgs.h"
#include "core/realtime/SocketLoop.h"

#include <cstdint>
#include <optional>

namespace switchboard::core::realtime {

/// One event a signed-in client sent: where it came from, its argument and the acknowledgement it asked for.
struct EventCall {
    SocketLoop& loop;
    Connection& connection;
    EventArgs args;
    std::optional<std::uint64_t> ackId;
};

} // namespace switchboard::core::realtime
