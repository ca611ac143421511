#include "core/plugin_wire/FrameEncoder.h"

#include "core/plugin_wire/FrameHeader.h"
#include "core/plugin_wire/WireError.h"

namespace switchboard::core::plugin_wire {

FrameEncoder::FrameEncoder(std::size_t maxFrameBytes) : _maxFrameBytes(maxFrameBytes) {
    FrameHeader::checkLimit(maxFrameBytes);
}

std::string FrameEncoder::encode(std::string_view json) const {
    if (json.empty()) throw WireError(ErrorCode::BadRequest, "an empty message cannot be framed");
    if (json.size() > _maxFrameBytes)
        throw WireError(ErrorCode::BadRequest, "a message of " + std::to_string(json.size()) +
                                                   " bytes is above the frame limit of " +
                                                   std::to_string(_maxFrameBytes));
    std::string frame;
    frame.reserve(FrameHeader::Size + json.size());
    FrameHeader::write(json.size(), frame);
    frame.append(json);
    return frame;
}

} // namespace switchboard::core::plugin_wire
