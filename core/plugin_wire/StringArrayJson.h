#pragma once

#include <Poco/JSON/Array.h>

#include <string>
#include <vector>

namespace switchboard::core::plugin_wire {

/// A list of strings as a JSON array, in order.
inline Poco::JSON::Array::Ptr stringArrayJson(const std::vector<std::string>& items) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& item : items) list->add(item);
    return list;
}

} // namespace switchboard::core::plugin_wire
