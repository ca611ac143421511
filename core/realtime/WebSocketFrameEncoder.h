#pragma once

#include "core/realtime/WebSocketCloseCode.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace switchboard::core::realtime {

/// Server side of RFC 6455 framing: each call appends one complete, unmasked, final frame (header and payload)
/// to `out`, so that a write queue can hold it as a single chunk.
class WebSocketFrameEncoder {
public:
    WebSocketFrameEncoder() = delete;

    /// The caller guarantees that `payload` is UTF-8.
    static void appendText(std::string& out, std::string_view payload);

    static void appendBinary(std::string& out, std::string_view payload);

    /// Throws std::invalid_argument when `payload` is over 125 bytes, the limit of a control frame.
    static void appendPing(std::string& out, std::string_view payload);

    /// Throws std::invalid_argument when `payload` is over 125 bytes, the limit of a control frame.
    static void appendPong(std::string& out, std::string_view payload);

    /// A close frame with `code` and as much of `reason` as fits (123 bytes), cut before a UTF-8 sequence
    /// rather than through it. NoStatusReceived (1005) gives an empty close frame, the answer to a close that
    /// carried no code. Throws std::invalid_argument for any other code that may not be sent.
    static void appendClose(std::string& out, std::uint16_t code, std::string_view reason = {});

    static void appendClose(std::string& out, WebSocketCloseCode code, std::string_view reason = {});

    /// Reads back a frame this encoder wrote: its opcode and payload (for a transport that carries the payloads
    /// another way, Engine.IO long-polling). Undefined for bytes that are not one frame of ours.
    struct Frame {
        std::uint8_t opcode;
        std::string_view payload;
    };
    static Frame readBack(std::string_view frame);
};

} // namespace switchboard::core::realtime
