#pragma once

#include "core/common/Time.h"

#include <cstdint>
#include <stdexcept>

namespace switchboard::tests {

/// Milliseconds since the epoch of an ISO-8601 timestamp written in a test; a typo fails loudly.
inline std::int64_t epochMs(const char* iso) {
    const auto ms = core::common::parseIso8601(iso);
    if (!ms) throw std::invalid_argument(iso);
    return *ms;
}

inline std::int64_t epochSeconds(const char* iso) { return epochMs(iso) / 1000; }

} // namespace switchboard::tests
