#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace switchboard::core::realtime {

/// One Engine.IO 4 packet as carried by one WebSocket text message: a type digit followed by the payload
/// (`4hello` is a message with payload `hello`). Binary messages never reach this class: on a WebSocket an
/// Engine.IO binary packet is a binary frame, which the hub refuses.
///
/// What the hub accepts from a client's session: `3` (pong), `4...` (message) and `1` (close). Everything else is a
/// protocol violation that ends the connection: an Engine.IO 4 client never pings on its own (the server pings, the
/// client answers). The probe of an upgrade from long-polling (`2probe`, `5`) is answered by the event loop on the
/// new WebSocket before it carries the session, and never reaches this class's users.
class EnginePacket {
public:
    enum class Type : std::uint8_t { Open = 0, Close = 1, Ping = 2, Pong = 3, Message = 4, Upgrade = 5, Noop = 6 };

    /// Text that is not an Engine.IO packet: empty, or not starting with a known type digit.
    class ParseError : public std::runtime_error {
    public:
        using std::runtime_error::runtime_error;
    };

    /// What the open packet tells the client. On a WebSocket the client uses only the ping timing;
    /// `maxPayloadBytes` is the largest message the hub accepts, enforced by the WebSocket reader. A long-polling
    /// session is offered the upgrade to WebSocket.
    struct Handshake {
        std::string sid;
        std::int64_t pingIntervalMs = 0;
        std::int64_t pingTimeoutMs = 0;
        std::int64_t maxPayloadBytes = 0;
        bool offerWebSocket = false;
    };

    EnginePacket(Type type, std::string_view payload) : _type(type), _payload(payload) {}

    /// Splits a text message into type and payload. The payload is a view into `text`. Throws ParseError.
    static EnginePacket parse(std::string_view text);

    Type type() const { return _type; }
    std::string_view payload() const { return _payload; }

    /// The type digit followed by the payload.
    std::string encode() const;

    /// `0{"sid":...,"upgrades":[],"pingInterval":...,"pingTimeout":...,"maxPayload":...}` (`["websocket"]` when
    /// offered). Throws
    /// std::invalid_argument for a sid that is not UTF-8 or a negative number.
    static std::string open(const Handshake& handshake);
    static std::string close();
    static std::string ping();
    /// `6`: ends a long-polling request with nothing in it, while the client moves to WebSocket.
    static std::string noop();
    /// `4` followed by `payload`, typically an encoded Socket.IO packet.
    static std::string message(std::string_view payload);

private:
    Type _type;
    std::string_view _payload;
};

} // namespace switchboard::core::realtime
