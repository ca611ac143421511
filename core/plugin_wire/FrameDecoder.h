#pragma once

#include "core/plugin_wire/Protocol.h"
#include "core/plugin_wire/WireError.h"

#include <cstddef>
#include <optional>
#include <string>

namespace switchboard::core::plugin_wire {

/// Cuts the byte stream of a plugin-protocol connection into frames: a 4-byte big-endian length N, then N bytes of
/// JSON text. Bytes are appended as the socket gives them, split anywhere; complete frames are taken out in order.
/// A length of 0 or above the maximum fails the decoder for good, as soon as the 4 bytes of the length are in and
/// before any of the frame is kept: from then on every call throws the same WireError. What a frame holds is not
/// looked at here (WireJson does that).
class FrameDecoder {
public:
    /// `maxFrameBytes` bounds N; between 1 and 2^32 - 1 (std::invalid_argument otherwise).
    explicit FrameDecoder(std::size_t maxFrameBytes = DefaultMaxFrameBytes);

    /// Keeps `size` bytes. Throws the decoder's failure once it has failed.
    void append(const char* data, std::size_t size);

    /// The next complete frame's text, or nullopt until more bytes are appended. Throws WireError (`bad_request`)
    /// for a length of 0 or above the maximum, and again on every call after.
    std::optional<std::string> next();

    bool failed() const { return _failure.has_value(); }

    /// Bytes kept that no frame taken out has consumed yet.
    std::size_t bufferedBytes() const { return _buffer.size() - _start; }

private:
    [[noreturn]] void fail(const std::string& message);

    std::size_t _maxFrameBytes;
    std::string _buffer;
    /// Where the unconsumed bytes start in `_buffer`; the consumed ones are dropped when they are the larger part.
    std::size_t _start = 0;
    std::optional<WireError> _failure;
};

} // namespace switchboard::core::plugin_wire
