#pragma once

#include "core/auth/Agent.h"

#include <Poco/JSON/Object.h>

namespace switchboard::core::http {

/// The API's `Agent` object. The password hash never leaves the hub.
class AgentJson {
public:
    static Poco::JSON::Object::Ptr toJson(const auth::Agent& agent);
};

} // namespace switchboard::core::http
