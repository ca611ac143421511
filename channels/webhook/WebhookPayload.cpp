#include "webhook/WebhookPayload.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>

#include <sstream>

namespace switchboard::channels::webhook {

namespace {

Poco::Dynamic::Var textOrNull(const std::string& text) {
    return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

/// The event name receivers have known handover requests by since the first version of the payload.
constexpr const char* HandoverEvent = "agent_handover_requested";

Poco::JSON::Array::Ptr messagesOf(const std::vector<sdk::ConversationMessage>& messages) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& message : messages) {
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        json->set("id", message.id);
        json->set("sender_type", std::string(sdk::toString(message.senderType)));
        json->set("sender_name", textOrNull(message.senderName));
        json->set("text", message.text);
        json->set("sent_at", WebhookPayload::timestamp(message.sentAtMs));
        Poco::JSON::Array::Ptr attachments = new Poco::JSON::Array;
        for (const auto& attachment : message.attachments) {
            Poco::JSON::Object::Ptr file = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            file->set("name", attachment.name);
            file->set("content_type", attachment.contentType);
            file->set("size_bytes", attachment.sizeBytes);
            file->set("url", attachment.url);
            attachments->add(file);
        }
        json->set("attachments", attachments);
        list->add(json);
    }
    return list;
}

} // namespace

std::string WebhookPayload::body(const sdk::Delivery& delivery) {
    Poco::JSON::Object::Ptr visitor = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    const auto& contact = delivery.recipient.visitor;
    visitor->set("name", textOrNull(contact.name));
    visitor->set("email", textOrNull(contact.email));
    visitor->set("phone", textOrNull(contact.phone));

    Poco::JSON::Object payload(Poco::JSON_PRESERVE_KEY_ORDER);
    const auto kind = std::string(sdk::toString(delivery.kind));
    payload.set("event", delivery.kind == sdk::DeliveryKind::HandoverRequested ? std::string(HandoverEvent) : kind);
    payload.set("timestamp", timestamp(delivery.occurredAtMs));
    payload.set("request_id", delivery.requestId);
    payload.set("method", delivery.method);
    payload.set("conversation_id", delivery.conversationId);
    payload.set("widget_id", delivery.widgetId);
    payload.set("visitor", visitor);
    payload.set("message",
                delivery.messages.empty() ? Poco::Dynamic::Var() : textOrNull(delivery.messages.front().text));
    payload.set("attempt", delivery.attempt);
    payload.set("kind", kind);
    payload.set("recent_messages", messagesOf(delivery.history));

    std::ostringstream out;
    payload.stringify(out);
    return out.str();
}

std::string WebhookPayload::timestamp(std::int64_t occurredAtMs) {
    return Poco::DateTimeFormatter::format(Poco::Timestamp(occurredAtMs * 1000), "%Y-%m-%dT%H:%M:%S.%iZ");
}

} // namespace switchboard::channels::webhook
