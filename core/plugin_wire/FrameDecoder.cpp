#include "core/plugin_wire/FrameDecoder.h"

#include "core/plugin_wire/FrameHeader.h"

namespace switchboard::core::plugin_wire {

FrameDecoder::FrameDecoder(std::size_t maxFrameBytes) : _maxFrameBytes(maxFrameBytes) {
    FrameHeader::checkLimit(maxFrameBytes);
}

void FrameDecoder::append(const char* data, std::size_t size) {
    if (_failure) throw *_failure;
    _buffer.append(data, size);
}

std::optional<std::string> FrameDecoder::next() {
    if (_failure) throw *_failure;
    if (bufferedBytes() < FrameHeader::Size) return std::nullopt;
    const std::size_t length = FrameHeader::read(_buffer.data() + _start);
    if (length == 0) fail("a frame of 0 bytes: a frame holds one JSON object");
    if (length > _maxFrameBytes)
        fail("a frame of " + std::to_string(length) + " bytes is above the limit of " + std::to_string(_maxFrameBytes));
    if (bufferedBytes() - FrameHeader::Size < length) return std::nullopt;

    std::string frame = _buffer.substr(_start + FrameHeader::Size, length);
    _start += FrameHeader::Size + length;
    if (_start == _buffer.size()) {
        _buffer.clear();
        _start = 0;
    } else if (_start > _buffer.size() / 2) {
        _buffer.erase(0, _start);
        _start = 0;
    }
    return frame;
}

void FrameDecoder::fail(const std::string& message) {
    _failure.emplace(ErrorCode::BadRequest, message);
    _buffer.clear();
    _start = 0;
    throw *_failure;
}

} // namespace switchboard::core::plugin_wire
