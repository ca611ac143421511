#include "core/conversation/ConversationJson.h"

#include "core/common/JsonValues.h"
#include "core/common/Time.h"
#include "core/presence/ViewerJson.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

namespace switchboard::core::conversation {

using common::orNull;
using common::timeOrNull;

namespace {

Poco::JSON::Object::Ptr parseObject(const std::string& json) {
    try {
        Poco::JSON::Parser parser;
        auto value = parser.parse(json);
        if (value.type() == typeid(Poco::JSON::Object::Ptr)) return value.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        // Stored by the hub itself; an unreadable value is shown as empty rather than failing the whole view.
    }
    return new Poco::JSON::Object;
}

/// What the visitor told the hub about themselves.
Poco::JSON::Object::Ptr visitorDetails(const Visitor& v) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", v.id);
    json->set("name", orNull(v.name));
    json->set("email", orNull(v.email));
    json->set("phone", orNull(v.phone));
    json->set("custom", parseObject(v.customFieldsJson));
    json->set("current_url", orNull(v.currentUrl));
    json->set("referrer", orNull(v.referrer));
    return json;
}

Poco::Dynamic::Var lastMessage(const Conversation& c) {
    if (!c.lastMessageText) return {};
    Poco::JSON::Object::Ptr last = new Poco::JSON::Object;
    last->set("text", *c.lastMessageText);
    last->set("sender_type", orNull(c.lastMessageSender));
    last->set("created_at", timeOrNull(c.lastMessageAt));
    return last;
}

/// The fields both the agents' and the visitor's views have.
Poco::JSON::Object::Ptr sharedFields(const Conversation& c) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", c.id);
    json->set("widget_id", c.widgetId);
    json->set("status", toString(c.status));
    json->set("rating", orNull(c.rating));
    json->set("feedback", orNull(c.feedback));
    json->set("resolved_at", timeOrNull(c.resolvedAt));
    json->set("created_at", common::formatIso8601Ms(c.createdAt));
    json->set("last_seq", c.lastSeq);
    json->set("last_message", lastMessage(c));
    return json;
}

} // namespace

Poco::JSON::Object::Ptr ConversationJson::message(const Message& m) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", m.id);
    json->set("conversation_id", m.conversationId);
    json->set("seq", m.seq);
    json->set("sender_type", m.senderType);
    json->set("sender_id", orNull(m.senderId));
    json->set("sender_name", orNull(m.senderName));
    json->set("text", m.text);
    json->set("attachments", MessageAttachment::toJson(m.attachments));
    json->set("client_msg_id", orNull(m.clientMsgId));
    json->set("created_at", common::formatIso8601Ms(m.createdAt));
    json->set("read_by_agent_at", timeOrNull(m.readByAgentAt));
    json->set("read_by_visitor_at", timeOrNull(m.readByVisitorAt));
    return json;
}

Poco::JSON::Array::Ptr ConversationJson::messages(const std::vector<Message>& messages) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const auto& m : messages) array->add(message(m));
    return array;
}

Poco::JSON::Object::Ptr ConversationJson::agentMessage(const Message& m,
                                                       const std::optional<MessageDelivery>& delivery) {
    auto json = message(m);
    json->set("delivery", delivery ? Poco::Dynamic::Var(delivery->toJson()) : Poco::Dynamic::Var());
    return json;
}

Poco::JSON::Array::Ptr ConversationJson::agentMessages(const std::vector<Message>& messages,
                                                      const std::map<std::string, MessageDelivery>& deliveries) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const auto& m : messages) {
        const auto found = deliveries.find(m.id);
        array->add(agentMessage(m, found == deliveries.end() ? std::nullopt : std::optional(found->second)));
    }
    return array;
}

Poco::JSON::Object::Ptr ConversationJson::visitor(const Visitor& v) {
    auto json = visitorDetails(v);
    json->set("user_agent", orNull(v.userAgent));
    json->set("ip", orNull(v.ip));
    json->set("first_seen_at", common::formatIso8601Ms(v.firstSeenAt));
    json->set("last_seen_at", common::formatIso8601Ms(v.lastSeenAt));
    return json;
}

Poco::JSON::Object::Ptr ConversationJson::conversation(const ConversationView& view) {
    const auto& c = view.conversation;
    auto json = sharedFields(c);
    json->set("priority", c.priority);
    json->set("tags", common::stringArray(c.tags));
    json->set("assigned_agent_id", orNull(c.assignedAgentId));
    json->set("subject", orNull(c.subject));
    json->set("handover_method", orNull(c.handoverMethod));
    json->set("first_message_at", timeOrNull(c.firstMessageAt));
    json->set("first_response_at", timeOrNull(c.firstResponseAt));
    json->set("last_message_at", timeOrNull(c.lastMessageAt));
    json->set("updated_at", common::formatIso8601Ms(c.updatedAt));
    json->set("unread_count", c.unreadByAgent);
    json->set("visitor", visitor(view.visitor));
    return json;
}

Poco::JSON::Object::Ptr ConversationJson::visitorConversation(const ConversationView& view) {
    auto json = sharedFields(view.conversation);
    // Agent and bot messages the visitor has not read.
    json->set("unread_count", view.conversation.unreadByVisitor);
    json->set("visitor", visitorDetails(view.visitor));
    return json;
}

void ConversationJson::addVisitorPresence(Poco::JSON::Object& conversation, bool isOnline, std::int64_t lastSeenAtMs) {
    auto visitor = conversation.getObject("visitor");
    visitor->set("is_online", isOnline);
    visitor->set("last_seen_at", common::formatIso8601Ms(lastSeenAtMs));
}

void ConversationJson::addViewing(Poco::JSON::Object& conversation, const std::vector<presence::Viewer>& viewers,
                                  std::optional<std::int64_t> lastViewedAtMs) {
    conversation.set("viewers", presence::ViewerJson::array(viewers));
    conversation.set("last_viewed_at", timeOrNull(lastViewedAtMs));
}

} // namespace switchboard::core::conversation
