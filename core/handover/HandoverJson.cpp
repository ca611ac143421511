#include "core/handover/HandoverJson.h"

#include "core/common/JsonValues.h"
#include "core/common/Time.h"
#include "core/conversation/ConversationJson.h"

#include <Poco/JSON/Array.h>

namespace switchboard::core::handover {

using common::orNull;
using common::timeOrNull;

namespace {

/// The provider's last word on a delivery, in `json`.
void setProviderStatus(Poco::JSON::Object& json, const OutboxDelivery& d) {
    json.set("provider_id", orNull(d.providerId));
    json.set("provider_status", d.providerStatus ? Poco::Dynamic::Var(std::string(sdk::toString(*d.providerStatus)))
                                                 : Poco::Dynamic::Var());
    json.set("provider_status_at", timeOrNull(d.providerStatusAt));
    json.set("provider_error_code", orNull(d.providerErrorCode));
    json.set("provider_error_text", orNull(d.providerErrorText));
}

} // namespace

Poco::JSON::Object::Ptr HandoverJson::request(const HandoverRequest& r) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", r.id);
    json->set("conversation_id", r.conversationId);
    json->set("widget_id", r.widgetId);
    json->set("method", r.method);
    json->set("channel", r.channel);
    json->set("status", toString(r.status));
    Poco::JSON::Object::Ptr visitor = new Poco::JSON::Object;
    visitor->set("name", orNull(r.visitorName));
    visitor->set("email", orNull(r.visitorEmail));
    visitor->set("phone", orNull(r.visitorPhone));
    json->set("visitor", visitor);
    json->set("visitor_message", orNull(r.visitorMessage));
    json->set("attempts", r.attempts);
    json->set("last_error", orNull(r.lastError));
    json->set("response_code", orNull(r.responseCode));
    json->set("response_excerpt", orNull(r.responseExcerpt));
    json->set("created_at", common::formatIso8601Ms(r.createdAt));
    json->set("notified_at", timeOrNull(r.notifiedAt));
    json->set("completed_at", timeOrNull(r.completedAt));
    json->set("failed_at", timeOrNull(r.failedAt));
    json->set("updated_at", common::formatIso8601Ms(r.updatedAt));
    return json;
}

Poco::JSON::Object::Ptr HandoverJson::delivery(const OutboxDelivery& d, const std::vector<DeliveryAttempt>& attempts) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", d.id);
    json->set("channel", d.channel);
    json->set("destination", d.destination);
    json->set("status", toString(d.status));
    json->set("attempts", d.attempts);
    json->set("max_attempts", d.maxAttempts);
    const bool due = d.status == DeliveryStatus::Pending;
    json->set("next_attempt_at", due ? Poco::Dynamic::Var(common::formatIso8601Ms(d.dueAt)) : Poco::Dynamic::Var());
    json->set("last_error", orNull(d.lastError));
    json->set("response_code", orNull(d.responseCode));
    json->set("response_excerpt", orNull(d.responseExcerpt));
    setProviderStatus(*json, d);
    json->set("created_at", common::formatIso8601Ms(d.createdAt));
    json->set("delivered_at", timeOrNull(d.deliveredAt));
    json->set("failed_at", timeOrNull(d.failedAt));
    Poco::JSON::Array::Ptr log = new Poco::JSON::Array;
    for (const auto& a : attempts) {
        Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
        entry->set("attempt", a.attempt);
        entry->set("started_at", common::formatIso8601Ms(a.startedAt));
        entry->set("duration_ms", a.durationMs);
        entry->set("outcome", a.outcome);
        entry->set("status_code", orNull(a.statusCode));
        entry->set("error", orNull(a.error));
        entry->set("response_excerpt", orNull(a.responseExcerpt));
        log->add(entry);
    }
    json->set("attempt_log", log);
    return json;
}

Poco::JSON::Object::Ptr HandoverJson::deliveryStatus(const HandoverRequest& r, const OutboxDelivery& d) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("delivery_id", d.id);
    json->set("request_id", r.id);
    json->set("conversation_id", r.conversationId);
    json->set("channel", d.channel);
    setProviderStatus(*json, d);
    return json;
}

Poco::JSON::Object::Ptr HandoverJson::forVisitor(const HandoverRequest& r, const std::string& confirmation,
                                                 const std::optional<conversation::Message>& notice) {
    Poco::JSON::Object::Ptr request = new Poco::JSON::Object;
    request->set("id", r.id);
    request->set("conversation_id", r.conversationId);
    request->set("method", r.method);
    request->set("status", toString(r.status));
    request->set("created_at", common::formatIso8601Ms(r.createdAt));
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("request", request);
    json->set("message", confirmation);
    json->set("notice", notice ? Poco::Dynamic::Var(conversation::ConversationJson::message(*notice)) : Poco::Dynamic::Var());
    return json;
}

} // namespace switchboard::core::handover
