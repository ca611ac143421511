#pragma once

#include "core/plugin_wire/ObjectReader.h"

#include <switchboard/sdk/DeliveryResult.h>

#include <Poco/JSON/Object.h>

namespace switchboard::core::plugin_wire {

/// A delivery's result on the wire (the result of `deliver`): `{outcome: "delivered" | "retry" | "failed", detail,
/// status_code?, response_excerpt, provider_id, thread_reference, retry_after_ms?, completed}`; the fields marked
/// `?` are left out when the result has none.
class DeliveryResultWire {
public:
    static Poco::JSON::Object::Ptr toJson(const sdk::DeliveryResult& result);
    static sdk::DeliveryResult fromJson(ObjectReader reader);
};

} // namespace switchboard::core::plugin_wire
