#include "core/presence/ViewerJson.h"

#include "core/common/Time.h"

#include <Poco/JSON/Object.h>

namespace switchboard::core::presence {

Poco::JSON::Array::Ptr ViewerJson::array(const std::vector<Viewer>& viewers) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const auto& viewer : viewers) {
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("agent_id", viewer.agentId);
        json->set("since", common::formatIso8601Ms(viewer.sinceMs));
        array->add(json);
    }
    return array;
}

} // namespace switchboard::core::presence
