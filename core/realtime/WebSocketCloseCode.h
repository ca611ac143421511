#pragma once

#include <cstdint>

namespace switchboard::core::realtime {

/// Status codes of a WebSocket close frame (RFC 6455 §7.4.1 and the IANA registry).
enum class WebSocketCloseCode : std::uint16_t {
    Normal = 1000,
    GoingAway = 1001,
    ProtocolError = 1002,
    UnsupportedData = 1003,
    /// Never sent: stands for a close frame that carried no code.
    NoStatusReceived = 1005,
    InvalidPayload = 1007,
    PolicyViolation = 1008,
    MessageTooBig = 1009,
    MandatoryExtension = 1010,
    InternalError = 1011,
    ServiceRestart = 1012,
    TryAgainLater = 1013,
    BadGateway = 1014,
};

/// Whether a peer may put `code` in a close frame: the assigned codes 1000-1003 and 1007-1014, and the
/// registered and private ranges 3000-4999. 1004-1006 and 1015 are reserved for local use only.
constexpr bool isCloseCodeAllowedOnWire(std::uint16_t code) {
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

} // namespace switchboard::core::realtime
