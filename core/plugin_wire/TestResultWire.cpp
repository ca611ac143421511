#include "core/plugin_wire/TestResultWire.h"

#include "core/plugin_wire/SdkEnumNames.h"
#include "core/plugin_wire/SettingsWire.h"

namespace switchboard::core::plugin_wire {

Poco::JSON::Object::Ptr TestResultWire::toJson(const sdk::TestResult& result) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("outcome", std::string(TestOutcomeNames.name(result.outcome)));
    json->set("detail", result.detail);
    json->set("setting_errors", SettingsWire::errorsToJson(result.settingErrors));
    if (result.statusCode) json->set("status_code", *result.statusCode);
    if (result.latencyMs) json->set("latency_ms", *result.latencyMs);
    json->set("response_excerpt", result.responseExcerpt);
    json->set("reference", result.reference);
    return json;
}

sdk::TestResult TestResultWire::fromJson(ObjectReader reader) {
    sdk::TestResult result;
    result.outcome = reader.named("outcome", TestOutcomeNames);
    result.detail = reader.string("detail");
    result.settingErrors = SettingsWire::errorsFromJson(reader, "setting_errors");
    result.statusCode = reader.optionalInt32("status_code");
    result.latencyMs = reader.optionalInteger("latency_ms");
    result.responseExcerpt = reader.string("response_excerpt");
    result.reference = reader.string("reference");
    reader.finish();
    return result;
}

} // namespace switchboard::core::plugin_wire
