#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace switchboard::core::common {

/// `2026-11-21T10:00:00.123Z` for milliseconds since the Unix epoch. Throws std::out_of_range outside the years
/// 0000–9999, which the format cannot express.
std::string formatIso8601Ms(std::int64_t epochMs);

/// Milliseconds since the Unix epoch for `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM:SS[.f…](Z|±HH:MM)`.
/// Fractions of 1 to 9 digits are accepted and truncated to milliseconds. Returns nullopt for anything else,
/// including impossible dates (`2026-02-30`) and leap seconds.
std::optional<std::int64_t> parseIso8601(std::string_view text);

} // namespace switchboard::core::common
