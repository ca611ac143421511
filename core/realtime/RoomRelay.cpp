#include "core/realtime/RoomRelay.h"

#include "core/realtime/RoomNames.h"
#include "core/realtime/SocketResponder.h"

namespace switchboard::core::realtime {

void RoomRelay::relay(std::string_view name, Poco::JSON::Object::Ptr payload, std::vector<std::string> rooms,
                      std::uint64_t except, Audience audience) const {
    const auto frame =
        SocketResponder::textFrame(SocketIoPacket::event("/", std::string(name), {payload}).encodeMessage());
    _router.toAll([frame, rooms = std::move(rooms), except, audience](SocketLoop& loop) {
        loop.broadcast(rooms, frame, [except, audience](const Connection& c) {
            return c.id() != except && c.identity &&
                   (audience == Audience::Everyone || (audience == Audience::Visitors) == c.identity->isVisitor());
        });
    });
}

void RoomRelay::publish(const events::Event& event) const {
    std::vector<std::string> rooms;
    for (const auto& room : event.rooms) rooms.push_back(RoomNames::of(room));
    if (event.visitorPayload && event.visitorPayload == event.payload) { // the visitor hears it whole: encoded once for everyone
        relay(event.name, event.payload, std::move(rooms), NoConnection, Audience::Everyone);
        return;
    }
    relay(event.name, event.payload, rooms, NoConnection, Audience::Agents);
    if (event.visitorPayload) relay(event.name, event.visitorPayload, std::move(rooms), NoConnection, Audience::Visitors);
}

} // namespace switchboard::core::realtime
