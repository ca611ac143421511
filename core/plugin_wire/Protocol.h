#pragma once

#include <cstddef>
#include <cstdint>

namespace switchboard::core::plugin_wire {

/// The version of the protocol between the hub and a plugin host, exchanged in `hello`; both sides speak only
/// their own. Changes whenever a message or a field changes.
inline constexpr int ProtocolVersion = 1;

/// The largest frame (its JSON text, without the 4-byte length) either side accepts unless told otherwise.
inline constexpr std::size_t DefaultMaxFrameBytes = std::size_t{16} * 1024 * 1024;

/// Call ids run from 1 to 2^53 - 1, so that a JavaScript peer reads them exactly.
inline constexpr std::int64_t MaxCallId = (std::int64_t{1} << 53) - 1;

} // namespace switchboard::core::plugin_wire
