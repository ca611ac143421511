#pragma once

#include "core/realtime/Connection.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace switchboard::core::realtime {

/// What the Socket.IO protocol asks of the event loop that owns a connection (RealtimeLoop; a fake in tests).
/// Every call is made on the loop's own thread.
class SocketLoop {
public:
    /// Work handed to a loop from another thread (see LoopRouter).
    using Task = std::function<void(SocketLoop&)>;

    virtual ~SocketLoop() = default;

    /// The loop's open connection with this id, or null once it is gone.
    virtual Connection* find(std::uint64_t connectionId) = 0;
    /// Queues a complete frame for the connection.
    virtual void send(Connection& connection, std::shared_ptr<const std::string> frame) = 0;
    /// Sends a frame to every connection in any of `rooms` (once each) for which `admit` says yes.
    virtual void broadcast(const std::vector<std::string>& rooms, const std::shared_ptr<const std::string>& frame,
                           const std::function<bool(const Connection&)>& admit) = 0;
    virtual void join(Connection& connection, const std::string& room) = 0;
    virtual void leave(Connection& connection, const std::string& room) = 0;
    /// Starts the close handshake with `code`.
    virtual void close(Connection& connection, std::uint16_t code, std::string_view reason) = 0;
    /// Closes every connection for which `which` says yes.
    virtual void closeWhere(const std::function<bool(const Connection&)>& which, std::uint16_t code,
                            std::string_view reason) = 0;
    /// The one time at which the protocol's `deadline` is called for the connection; a later call replaces it.
    virtual void setDeadline(Connection& connection, std::int64_t deadlineMs) = 0;
    virtual std::int64_t nowMs() const = 0;
};

} // namespace switchboard::core::realtime
