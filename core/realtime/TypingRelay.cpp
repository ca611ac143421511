#include "core/realtime/TypingRelay.h"

#include "core/events/EventNames.h"
#include "core/realtime/RoomNames.h"
#include "core/realtime/SocketDeadline.h"

#include <algorithm>

namespace switchboard::core::realtime {

Poco::JSON::Object::Ptr TypingRelay::offer(SocketLoop& loop, Connection& sender, const std::string& conversationId,
                                           bool isTyping) const {
    if (sender.typing.offer(conversationId, isTyping, loop.nowMs())) {
        fanOut(sender, conversationId, isTyping);
    } else {
        SocketDeadline::arm(loop, sender);
    }
    Poco::JSON::Object::Ptr ack = new Poco::JSON::Object;
    ack->set("conversation_id", conversationId);
    ack->set("is_typing", isTyping);
    return ack;
}

void TypingRelay::flushDue(SocketLoop& loop, Connection& sender) const {
    for (const auto& update : sender.typing.takeDue(loop.nowMs())) {
        fanOut(sender, update.conversationId, update.isTyping);
    }
}

void TypingRelay::fanOut(const Connection& sender, const std::string& conversationId, bool isTyping) const {
    const auto& who = *sender.identity;
    const auto room = RoomNames::conversation(conversationId);
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("conversation_id", conversationId);
    if (who.isVisitor()) {
        payload->set("visitor_id", who.visitor.id);
        payload->set("is_typing", isTyping);
        _rooms.relay(events::names::VisitorTyping, payload, {room, RoomNames::widgetAgents(who.visitor.widgetId)},
                     sender.id(), RoomRelay::Audience::Agents);
        return;
    }
    if (std::find(sender.rooms.begin(), sender.rooms.end(), room) == sender.rooms.end()) return;
    payload->set("agent_id", who.agent.agent.id);
    payload->set("agent_name", who.agent.agent.displayName);
    payload->set("is_typing", isTyping);
    _rooms.relay(events::names::AgentTyping, payload, {room}, sender.id(), RoomRelay::Audience::Everyone);
}

} // namespace switchboard::core::realtime
