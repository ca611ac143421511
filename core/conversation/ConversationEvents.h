#pragma once

#include "core/conversation/Conversation.h"
#include "core/conversation/Message.h"
#include "core/conversation/MessageDelivery.h"
#include "core/events/EventBus.h"

#include <Poco/JSON/Object.h>

#include <functional>
#include <string>

namespace switchboard::core::conversation {

/// Names and addresses the events of the real-time contract for conversation changes. Called after the
/// change is committed, by whichever edge made it.
class ConversationEvents {
public:
    /// Renders the conversation an event carries; the hub passes AgentConversationJson, so that events carry
    /// the same fields as REST (the visitor's presence). Without one, ConversationJson's fields alone.
    using Render = std::function<Poco::JSON::Object::Ptr(const ConversationView&)>;

    explicit ConversationEvents(events::EventBus& bus, Render render = nullptr)
        : _bus(bus), _render(std::move(render)) {}

    /// `delivery`: the message's delivery to the visitor's external channel, which agents hear of and the visitor
    /// does not.
    void messageNew(const Conversation& conversation, const Message& message,
                    const std::optional<MessageDelivery>& delivery = std::nullopt);
    /// `message:status {conversation_id, message_id, delivery}` to the conversation's agents.
    void messageStatus(const Conversation& conversation, const MessageDelivery& delivery);
    void conversationNew(const ConversationView& view);
    void conversationUpdated(const ConversationView& view);
    void conversationAssigned(const ConversationView& view);
    void conversationTransferred(const ConversationView& view, const std::string& fromAgentId);
    void conversationResolved(const ConversationView& view);

private:
    /// `visitorPayload`: what the conversation's visitor hears of it (see events::Event); null: nothing.
    void publishConversation(const std::string& name, const ConversationView& view, Poco::JSON::Object::Ptr payload,
                             std::vector<events::Room> extraRooms = {},
                             Poco::JSON::Object::Ptr visitorPayload = nullptr);

    events::EventBus& _bus;
    const Render _render;
};

} // namespace switchboard::core::conversation
