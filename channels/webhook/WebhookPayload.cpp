#include "webhook/WebhookPayload.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>

#include <sstream>

namespace switchboard::channels::webhook {

namespace {

Poco::Dynamic::Var textOrNull(const std::string& text) {
    return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

} // namespace

std::string WebhookPayload::body(const sdk::Delivery& delivery) {
    Poco::JSON::Object::Ptr visitor = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    visitor->set("name", textOrNull(delivery.visitor.name));
    visitor->set("email", textOrNull(delivery.visitor.email));
    visitor->set("phone", textOrNull(delivery.visitor.phone));

    Poco::JSON::Object payload(Poco::JSON_PRESERVE_KEY_ORDER);
    payload.set("event", delivery.event);
    payload.set("timestamp", timestamp(delivery.occurredAtMs));
    payload.set("request_id", delivery.requestId);
    payload.set("method", delivery.method);
    payload.set("conversation_id", delivery.conversationId);
    payload.set("widget_id", delivery.widgetId);
    payload.set("visitor", visitor);
    payload.set("message", textOrNull(delivery.message));
    payload.set("attempt", delivery.attempt);

    std::ostringstream out;
    payload.stringify(out);
    return out.str();
}

std::string WebhookPayload::timestamp(std::int64_t occurredAtMs) {
    return Poco::DateTimeFormatter::format(Poco::Timestamp(occurredAtMs * 1000), "%Y-%m-%dT%H:%M:%S.%iZ");
}

} // namespace switchboard::channels::webhook
