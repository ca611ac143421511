#include "core/plugin_wire/DeliveryResultWire.h"

#include "core/handover/AttemptOutcome.h"

namespace switchboard::core::plugin_wire {

Poco::JSON::Object::Ptr DeliveryResultWire::toJson(const sdk::DeliveryResult& result) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("outcome", std::string(handover::AttemptOutcomeNames.name(result.outcome)));
    json->set("detail", result.detail);
    if (result.statusCode) json->set("status_code", *result.statusCode);
    json->set("response_excerpt", result.responseExcerpt);
    json->set("provider_id", result.providerId);
    json->set("thread_reference", result.threadReference);
    if (result.retryAfterMs) json->set("retry_after_ms", *result.retryAfterMs);
    json->set("completed", result.completed);
    return json;
}

sdk::DeliveryResult DeliveryResultWire::fromJson(ObjectReader reader) {
    sdk::DeliveryResult result;
    result.outcome = reader.named("outcome", handover::AttemptOutcomeNames);
    result.detail = reader.string("detail");
    result.statusCode = reader.optionalInt32("status_code");
    result.responseExcerpt = reader.string("response_excerpt");
    result.providerId = reader.string("provider_id");
    result.threadReference = reader.string("thread_reference");
    result.retryAfterMs = reader.optionalInteger("retry_after_ms");
    result.completed = reader.boolean("completed");
    reader.finish();
    return result;
}

} // namespace switchboard::core::plugin_wire
