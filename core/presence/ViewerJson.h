#pragma once

#include "core/presence/Viewer.h"

#include <Poco/JSON/Array.h>

#include <vector>

namespace switchboard::core::presence {

/// `[{agent_id, since}]`, as the conversation detail and the `conversation:viewing` event show viewers.
class ViewerJson {
public:
    static Poco::JSON::Array::Ptr array(const std::vector<Viewer>& viewers);
};

} // namespace switchboard::core::presence
