#pragma once

#include "core/conversation/Conversation.h"
#include "core/conversation/Message.h"
#include "core/conversation/MessageDelivery.h"
#include "core/conversation/Visitor.h"
#include "core/presence/Viewer.h"

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace switchboard::core::conversation {

/// The JSON shapes of the API contract, shared by the HTTP routes and the real-time events.
class ConversationJson {
public:
    /// A message as its visitor reads it.
    static Poco::JSON::Object::Ptr message(const Message& message);
    static Poco::JSON::Array::Ptr messages(const std::vector<Message>& messages);
    /// A message as agents read it: also how its delivery to the visitor's external channel stands (`delivery`,
    /// null when it went to none).
    static Poco::JSON::Object::Ptr agentMessage(const Message& message, const std::optional<MessageDelivery>& delivery);
    static Poco::JSON::Array::Ptr agentMessages(const std::vector<Message>& messages,
                                                const std::map<std::string, MessageDelivery>& deliveries);
    static Poco::JSON::Object::Ptr visitor(const Visitor& visitor);
    /// The agents' view: everything, the team's own fields (tags, subject, priority, assignee) included.
    static Poco::JSON::Object::Ptr conversation(const ConversationView& view);
    /// The visitor's own view: what concerns them (ids, status, their rating, what they have not read, the last
    /// message, the details they gave), none of the team's fields or what the hub recorded about them.
    static Poco::JSON::Object::Ptr visitorConversation(const ConversationView& view);

    /// Agents' views add to `conversation(view)` whether the visitor is connected (`visitor.is_online`), and
    /// `lastSeenAtMs` replaces the stored `visitor.last_seen_at`, which is only written when they go offline.
    static void addVisitorPresence(Poco::JSON::Object& conversation, bool isOnline, std::int64_t lastSeenAtMs);
    /// The detail view adds who has the conversation open (`viewers`) and when it was last viewed.
    static void addViewing(Poco::JSON::Object& conversation, const std::vector<presence::Viewer>& viewers,
                           std::optional<std::int64_t> lastViewedAtMs);
};

} // namespace switchboard::core::conversation
