#include "core/realtime/RoomRelay.h"

#include "core/events/EventNames.h"
#include "core/realtime/RoomNames.h"
#include "core/realtime/SocketResponder.h"

#include <algorithm>
#include <array>

namespace switchboard::core::realtime {

namespace {

namespace names = events::names;

/// Events a visitor's socket receives as they are; the rest of what its conversation room hears is for agents...
constexpr std::array VisitorEvents = {names::MessageNew, names::AgentTyping};
/// ...but for these, which it receives as `{conversation_id, status}` (see visitorView).
constexpr std::array VisitorConversationEvents = {names::ConversationResolved};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// What a visitor hears of a change to its conversation: which one and its status. The agents' fields (tags,
/// assignee, the visitor's address and browser) stay with the agents.
Poco::JSON::Object::Ptr visitorView(const Poco::JSON::Object::Ptr& payload) {
    Poco::JSON::Object::Ptr view = new Poco::JSON::Object;
    view->set("conversation_id", payload->get("conversation_id"));
    if (const auto conversation = payload->getObject("conversation")) view->set("status", conversation->get("status"));
    return view;
}

} // namespace

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
    if (among(VisitorConversationEvents, event.name)) {
        relay(event.name, event.payload, rooms, NoConnection, Audience::Agents);
        relay(event.name, visitorView(event.payload), std::move(rooms), NoConnection, Audience::Visitors);
        return;
    }
    relay(event.name, event.payload, std::move(rooms), NoConnection,
          among(VisitorEvents, event.name) ? Audience::Everyone : Audience::Agents);
}

} // namespace switchboard::core::realtime
