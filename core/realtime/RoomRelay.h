#pragma once

#include "core/events/Event.h"
#include "core/realtime/LoopRouter.h"

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace switchboard::core::realtime {

/// Fans events out to the sockets of their rooms, on every loop.
class RoomRelay {
public:
    explicit RoomRelay(LoopRouter& router) : _router(router) {}

    /// Which sockets of a room an event goes to.
    enum class Audience { Agents, Visitors, Everyone };
    /// Connection ids start at 1: a change committed over REST comes from no socket.
    static constexpr std::uint64_t NoConnection = 0;

    /// Emits `name` with `payload` to the `audience` in `rooms`, except to the connection `except`.
    void relay(std::string_view name, Poco::JSON::Object::Ptr payload, std::vector<std::string> rooms,
               std::uint64_t except, Audience audience) const;

    /// Sends a committed change to its rooms: its payload to the agents, and to the visitors what the event's producer
    /// decided they hear (events::Event::visitorPayload), if anything.
    void publish(const events::Event& event) const;

private:
    LoopRouter& _router;
};

} // namespace switchboard::core::realtime
