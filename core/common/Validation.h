#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace switchboard::core::common {

/// Number of Unicode code points, or nullopt if `text` is not well-formed UTF-8 (overlong forms, surrogates,
/// code points above U+10FFFF and truncated sequences are all rejected).
std::optional<std::size_t> utf8Length(std::string_view text);

bool isValidUtf8(std::string_view text);

/// `text` without leading and trailing white space: every character of Unicode's White_Space property (ASCII
/// whitespace, NBSP U+00A0, the ideographic space U+3000, ...), so that text made only of them trims to empty.
std::string trim(std::string_view text);

/// The form an email is stored and compared in: trimmed and ASCII-lowercased.
std::string normalizeEmail(std::string_view email);

} // namespace switchboard::core::common
