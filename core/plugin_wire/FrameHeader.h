#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace switchboard::core::plugin_wire {

/// The 4 bytes in front of every frame: the length of the JSON text that follows, big-endian, unsigned.
class FrameHeader {
public:
    static constexpr std::size_t Size = 4;

    /// The length the 4 bytes at `bytes` give.
    static std::size_t read(const char* bytes);
    /// Appends the 4 bytes of `length` (at most 2^32 - 1) to `out`.
    static void write(std::size_t length, std::string& out);
    /// Throws std::invalid_argument unless `maxFrameBytes` is between 1 and 2^32 - 1: a limit the header can
    /// express.
    static void checkLimit(std::size_t maxFrameBytes);
};

} // namespace switchboard::core::plugin_wire
