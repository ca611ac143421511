#pragma once

#include "core/plugin_wire/Method.h"
#include "core/plugin_wire/MethodParams.h"

#include <Poco/JSON/Object.h>

namespace switchboard::core::plugin_wire {

/// The `params` object of a call or notice, both ways, as its method says.
class MethodParamsCodec {
public:
    static Poco::JSON::Object::Ptr encode(const MethodParams& params);

    /// The params of `method` in `params`. Throws WireError (`bad_request`) naming the field at fault from
    /// `params` (`params.delivery.recipient.address`).
    static MethodParams decode(Method method, const Poco::JSON::Object::Ptr& params);
};

} // namespace switchboard::core::plugin_wire
