#pragma once

#include "core/conversation/Conversation.h"
#include "core/conversation/Message.h"
#include "core/conversation/Visitor.h"

#include <Poco/JSON/Object.h>

#include <vector>

namespace switchboard::core::conversation {

/// The JSON shapes of the API contract, shared by the HTTP routes and the real-time events.
class ConversationJson {
public:
    static Poco::JSON::Object::Ptr message(const Message& message);
    static Poco::JSON::Array::Ptr messages(const std::vector<Message>& messages);
    static Poco::JSON::Object::Ptr visitor(const Visitor& visitor);
    /// `forVisitor` switches `unread_count` to what the visitor has not read (agent and bot messages).
    static Poco::JSON::Object::Ptr conversation(const ConversationView& view, bool forVisitor = false);
};

} // namespace switchboard::core::conversation
