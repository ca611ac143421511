#include "core/plugin_wire/FrameHeader.h"

#include <limits>
#include <stdexcept>

namespace switchboard::core::plugin_wire {

std::size_t FrameHeader::read(const char* bytes) {
    std::uint32_t length = 0;
    for (std::size_t i = 0; i < Size; ++i) length = (length << 8) | static_cast<std::uint8_t>(bytes[i]);
    return length;
}

void FrameHeader::write(std::size_t length, std::string& out) {
    for (std::size_t i = Size; i-- > 0;) out.push_back(static_cast<char>((length >> (8 * i)) & 0xff));
}

void FrameHeader::checkLimit(std::size_t maxFrameBytes) {
    if (maxFrameBytes == 0 || maxFrameBytes > std::numeric_limits<std::uint32_t>::max())
        throw std::invalid_argument("a frame limit must be between 1 and 4294967295 bytes");
}

} // namespace switchboard::core::plugin_wire
