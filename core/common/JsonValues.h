#pragma once

#include "core/common/Time.h"

#include <Poco/Dynamic/Var.h>

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::common {

// Optional values as the API writes them: the value, or JSON null.

template <class T>
Poco::Dynamic::Var orNull(const std::optional<T>& value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

/// A time in milliseconds as ISO-8601 UTC text, or null.
inline Poco::Dynamic::Var timeOrNull(const std::optional<std::int64_t>& ms) {
    return ms ? Poco::Dynamic::Var(formatIso8601Ms(*ms)) : Poco::Dynamic::Var();
}

} // namespace switchboard::core::common
