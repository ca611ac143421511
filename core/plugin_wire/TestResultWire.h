#pragma once

#include "core/plugin_wire/ObjectReader.h"

#include <switchboard/sdk/TestResult.h>

#include <Poco/JSON/Object.h>

namespace switchboard::core::plugin_wire {

/// A Test's result on the wire (the result of `test`): `{outcome: "passed" | "failed" | "invalid_settings" |
/// "not_supported", detail, setting_errors: [{key, message}], status_code?, latency_ms?, response_excerpt,
/// reference}`; the fields marked `?` are left out when the result has none.
class TestResultWire {
public:
    static Poco::JSON::Object::Ptr toJson(const sdk::TestResult& result);
    static sdk::TestResult fromJson(ObjectReader reader);
};

} // namespace switchboard::core::plugin_wire
