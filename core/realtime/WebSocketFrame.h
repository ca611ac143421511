#pragma once

#include <cstddef>
#include <cstdint>

namespace switchboard::core::realtime::websocket {

/// Wire constants of RFC 6455 §5.2, shared by the decoder and the encoder.
constexpr std::uint8_t kContinuation = 0x0;
constexpr std::uint8_t kText = 0x1;
constexpr std::uint8_t kBinary = 0x2;
constexpr std::uint8_t kClose = 0x8;
constexpr std::uint8_t kPing = 0x9;
constexpr std::uint8_t kPong = 0xa;
constexpr std::uint8_t kFin = 0x80;

/// Control frames carry at most this many payload bytes; a close payload starts with a 2-byte code.
constexpr std::size_t kMaxControlPayload = 125;
constexpr std::size_t kCloseCodeSize = 2;
constexpr std::size_t kMaskKeySize = 4;

} // namespace switchboard::core::realtime::websocket
