#pragma once

#include "core/realtime/Utf8Validator.h"
#include "core/realtime/WebSocketCloseCode.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace switchboard::core::realtime {

/// Server side of RFC 6455 framing, fed whatever the socket returned: the stream may be split anywhere, down
/// to one byte per call. Data messages come out whole (fragments reassembled, payload unmasked while it is
/// copied into the message buffer); control frames come out as they arrive, also between the fragments of a
/// message. Any protocol violation fails the decoder for good and names the close code to answer with.
class WebSocketFrameDecoder {
public:
    enum class Kind : std::uint8_t { Text, Binary, Ping, Pong, Close };

    struct Message {
        Kind kind = Kind::Binary;
        /// The message, the ping or pong data, or the close reason.
        std::string payload;
        /// Close frames only: the peer's code, or NoStatusReceived (1005) when the frame carried none.
        std::uint16_t closeCode = 0;

        bool operator==(const Message&) const = default;
    };

    /// `maxMessageBytes` bounds every data message, fragments together; a frame announcing more fails the
    /// stream with 1009 before any of its payload is buffered. Control frames are bounded by the protocol
    /// (125 bytes) instead.
    explicit WebSocketFrameDecoder(std::size_t maxMessageBytes);

    /// Consumes `size` bytes and appends to `out` every message and control frame they complete, in stream
    /// order. Returns false once the stream has failed. Bytes after a failure or after a close frame are
    /// ignored: nothing may follow a close frame.
    bool feed(const char* data, std::size_t size, std::vector<Message>& out);

    bool failed() const { return _state == State::Failed; }
    bool closeReceived() const { return _state == State::Closed; }

    /// After a failure: the code to close the connection with (1002, 1007 or 1009).
    WebSocketCloseCode failureCode() const { return _failureCode; }

    /// After a failure: a short ASCII reason, fit for the close frame.
    std::string_view failureReason() const { return _failureReason; }

private:
    enum class State : std::uint8_t { Header, Payload, Closed, Failed };

    std::size_t consumeHeader(const char* data, std::size_t size, std::vector<Message>& out);
    std::size_t consumePayload(const char* data, std::size_t size, std::vector<Message>& out);
    bool checkFirstHeaderBytes();
    void finishHeader(std::vector<Message>& out);
    void finishFrame(std::vector<Message>& out);
    void finishClose(std::vector<Message>& out);
    bool isControlFrame() const { return (_opcode & 0x08) != 0; }
    void fail(WebSocketCloseCode code, std::string_view reason);

    std::size_t _maxMessageBytes;
    State _state = State::Header;

    // The frame header, collected byte by byte when it arrives split: 2 bytes, up to 8 of extended length,
    // 4 of masking key.
    std::array<std::uint8_t, 14> _header{};
    std::size_t _headerSize = 0;
    std::size_t _headerNeeded = 2;

    std::uint8_t _opcode = 0;
    bool _fin = false;
    std::array<std::uint8_t, 4> _mask{};
    std::uint64_t _payloadRemaining = 0;
    std::uint64_t _payloadReceived = 0;

    // Opcode of the data message being reassembled, 0 when none is open.
    std::uint8_t _messageOpcode = 0;
    std::string _message;
    Utf8Validator _messageUtf8;
    std::string _control;

    WebSocketCloseCode _failureCode = WebSocketCloseCode::Normal;
    std::string_view _failureReason;
};

} // namespace switchboard::core::realtime
