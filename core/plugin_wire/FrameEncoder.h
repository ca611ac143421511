#pragma once

#include "core/plugin_wire/Protocol.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace switchboard::core::plugin_wire {

/// Puts one message's JSON text into a frame: its 4-byte big-endian length, then the text.
class FrameEncoder {
public:
    /// `maxFrameBytes` bounds the text; between 1 and 2^32 - 1 (std::invalid_argument otherwise).
    explicit FrameEncoder(std::size_t maxFrameBytes = DefaultMaxFrameBytes);

    /// The frame's bytes. Throws WireError (`bad_request`) for an empty text or one above the limit, which the
    /// peer's decoder would refuse.
    std::string encode(std::string_view json) const;

private:
    std::size_t _maxFrameBytes;
};

} // namespace switchboard::core::plugin_wire
