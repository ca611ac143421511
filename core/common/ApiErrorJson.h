#pragma once

#include "core/common/ApiError.h"

#include <Poco/JSON/Object.h>

namespace switchboard::core::common {

/// `{"error": {"code", "message", "field"?}}`: the one shape of an error, over HTTP and in socket acks alike.
Poco::JSON::Object::Ptr apiErrorJson(const ApiError& error);

} // namespace switchboard::core::common
