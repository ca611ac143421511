#pragma once

#include "core/plugin_wire/Method.h"
#include "core/plugin_wire/MethodResult.h"

#include <Poco/JSON/Object.h>

namespace switchboard::core::plugin_wire {

/// The `result` object of a call's answer, both ways, as the call's method says.
class MethodResultCodec {
public:
    static Poco::JSON::Object::Ptr encode(const MethodResult& result);

    /// The result of a call of `method` in `result`. Throws WireError (`bad_request`) naming the field at fault
    /// from `result` (`result.setting_errors[0].key`), and `unknown_method` for `log`, which is never answered.
    static MethodResult decode(Method method, const Poco::JSON::Object::Ptr& result);
};

} // namespace switchboard::core::plugin_wire
