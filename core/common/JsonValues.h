#pragma once

#include "core/common/Time.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::common {

// Optional values as the API writes them: the value, or JSON null.

template <class T>
Poco::Dynamic::Var orNull(const std::optional<T>& value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

/// A list of strings as a JSON array, in order.
inline Poco::JSON::Array::Ptr stringArray(const std::vector<std::string>& items) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& item : items) list->add(item);
    return list;
}

/// A time in milliseconds as ISO-8601 UTC text, or null.
inline Poco::Dynamic::Var timeOrNull(const std::optional<std::int64_t>& ms) {
    return ms ? Poco::Dynamic::Var(formatIso8601Ms(*ms)) : Poco::Dynamic::Var();
}

} // namespace switchboard::core::common
