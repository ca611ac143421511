#pragma once

#include "core/realtime/SocketLoop.h"

#include <cstdint>

namespace switchboard::core::realtime {

/// How the protocol reaches the loops from any thread: the one that owns a connection, or all of them.
class LoopRouter {
public:
    virtual ~LoopRouter() = default;
    virtual void toConnection(std::uint64_t connectionId, SocketLoop::Task task) = 0;
    virtual void toAll(SocketLoop::Task task) = 0;
};

} // namespace switchboard::core::realtime
