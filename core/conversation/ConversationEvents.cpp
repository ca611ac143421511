#include "core/conversation/ConversationEvents.h"

#include "core/conversation/ConversationJson.h"
#include "core/events/EventNames.h"

namespace switchboard::core::conversation {

using events::Room;
namespace names = events::names;

namespace {

std::vector<Room> roomsOf(const Conversation& c) {
    std::vector<Room> rooms{{Room::Kind::Conversation, c.id}, {Room::Kind::WidgetAgents, c.widgetId}};
    if (c.assignedAgentId) rooms.push_back({Room::Kind::Agent, *c.assignedAgentId});
    return rooms;
}

} // namespace

void ConversationEvents::messageNew(const Conversation& conversation, const Message& message,
                                    const std::optional<MessageDelivery>& delivery) {
    auto payload = ConversationJson::message(message);
    payload->set("widget_id", conversation.widgetId);
    Poco::JSON::Object::Ptr agents = new Poco::JSON::Object(*payload);
    agents->set("delivery", delivery ? Poco::Dynamic::Var(delivery->toJson()) : Poco::Dynamic::Var());
    _bus.publish({std::string(names::MessageNew), agents, roomsOf(conversation), payload});
}

void ConversationEvents::messageStatus(const Conversation& conversation, const MessageDelivery& delivery) {
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("conversation_id", conversation.id);
    payload->set("message_id", delivery.messageId);
    payload->set("widget_id", conversation.widgetId);
    payload->set("delivery", delivery.toJson());
    _bus.publish({std::string(names::MessageStatus), payload, roomsOf(conversation), nullptr});
}

void ConversationEvents::conversationNew(const ConversationView& view) {
    publishConversation(std::string(names::ConversationNew), view, nullptr);
}

void ConversationEvents::conversationUpdated(const ConversationView& view) {
    publishConversation(std::string(names::ConversationUpdated), view, nullptr);
}

void ConversationEvents::conversationAssigned(const ConversationView& view) {
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("agent_id", *view.conversation.assignedAgentId);
    publishConversation(std::string(names::ConversationAssigned), view, payload);
}

void ConversationEvents::conversationTransferred(const ConversationView& view, const std::string& fromAgentId) {
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("from_agent_id", fromAgentId);
    payload->set("to_agent_id", *view.conversation.assignedAgentId);
    // The agent who handed the conversation over hears of it too.
    publishConversation(std::string(names::ConversationTransferred), view, payload,
                        {{Room::Kind::Agent, fromAgentId}});
}

void ConversationEvents::conversationResolved(const ConversationView& view) {
    // The visitor hears which conversation and its status; the agents' fields (tags, assignee, the visitor's
    // address and browser) stay with the agents.
    Poco::JSON::Object::Ptr visitorView = new Poco::JSON::Object;
    visitorView->set("conversation_id", view.conversation.id);
    visitorView->set("status", toString(view.conversation.status));
    publishConversation(std::string(names::ConversationResolved), view, nullptr, {}, visitorView);
}

void ConversationEvents::publishConversation(const std::string& name, const ConversationView& view,
                                             Poco::JSON::Object::Ptr payload, std::vector<Room> extraRooms,
                                             Poco::JSON::Object::Ptr visitorPayload) {
    if (!payload) payload = new Poco::JSON::Object;
    payload->set("conversation_id", view.conversation.id);
    payload->set("conversation", _render ? _render(view) : ConversationJson::conversation(view));
    auto rooms = roomsOf(view.conversation);
    rooms.insert(rooms.end(), extraRooms.begin(), extraRooms.end());
    _bus.publish({name, payload, rooms, visitorPayload});
}

} // namespace switchboard::core::conversation
