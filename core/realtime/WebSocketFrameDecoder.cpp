#include "core/realtime/WebSocketFrameDecoder.h"

#include "core/realtime/WebSocketFrame.h"

#include <algorithm>
#include <cstring>

namespace switchboard::core::realtime {

namespace {

using namespace websocket;

bool isKnownOpcode(std::uint8_t opcode) {
    return opcode == kContinuation || opcode == kText || opcode == kBinary || opcode == kClose || opcode == kPing ||
           opcode == kPong;
}

// `offset` is the position of data[0] within the frame's payload, which decides where the key starts.
void unmask(char* data, std::size_t size, const std::array<std::uint8_t, 4>& key, std::uint64_t offset) {
    std::array<std::uint8_t, 4> rotated{};
    for (std::size_t k = 0; k < rotated.size(); ++k) rotated[k] = key[(offset + k) % 4];
    for (std::size_t i = 0; i < size; ++i) {
        data[i] = static_cast<char>(static_cast<std::uint8_t>(data[i]) ^ rotated[i % 4]);
    }
}

} // namespace

WebSocketFrameDecoder::WebSocketFrameDecoder(std::size_t maxMessageBytes) : _maxMessageBytes(maxMessageBytes) {
    _control.reserve(kMaxControlPayload);
}

bool WebSocketFrameDecoder::feed(const char* data, std::size_t size, std::vector<Message>& out) {
    std::size_t position = 0;
    while (position < size) {
        if (_state == State::Header) {
            position += consumeHeader(data + position, size - position, out);
        } else if (_state == State::Payload) {
            position += consumePayload(data + position, size - position, out);
        } else {
            break;
        }
    }
    return _state != State::Failed;
}

std::size_t WebSocketFrameDecoder::consumeHeader(const char* data, std::size_t size, std::vector<Message>& out) {
    const std::size_t taken = std::min(size, _headerNeeded - _headerSize);
    std::memcpy(_header.data() + _headerSize, data, taken);
    _headerSize += taken;
    if (_headerSize < _headerNeeded) return taken;

    if (_headerNeeded == 2) {
        // The first two bytes say how long the rest of the header is; everything they decide is checked now,
        // before more of a bad frame is read.
        if (checkFirstHeaderBytes()) {
            const std::uint8_t length7 = _header[1] & 0x7f;
            _headerNeeded += (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + kMaskKeySize;
        }
    } else {
        finishHeader(out);
    }
    return taken;
}

bool WebSocketFrameDecoder::checkFirstHeaderBytes() {
    _fin = (_header[0] & 0x80) != 0;
    _opcode = _header[0] & 0x0f;
    const bool masked = (_header[1] & 0x80) != 0;

    if ((_header[0] & 0x70) != 0) {
        fail(WebSocketCloseCode::ProtocolError, "reserved bits set");
    } else if (!isKnownOpcode(_opcode)) {
        fail(WebSocketCloseCode::ProtocolError, "unknown opcode");
    } else if (isControlFrame() && !_fin) {
        fail(WebSocketCloseCode::ProtocolError, "fragmented control frame");
    } else if (_opcode == kContinuation && _messageOpcode == 0) {
        fail(WebSocketCloseCode::ProtocolError, "continuation frame without a message");
    } else if ((_opcode == kText || _opcode == kBinary) && _messageOpcode != 0) {
        fail(WebSocketCloseCode::ProtocolError, "new message inside a fragmented message");
    } else if (!masked) {
        fail(WebSocketCloseCode::ProtocolError, "unmasked client frame");
    }
    return _state != State::Failed;
}

void WebSocketFrameDecoder::finishHeader(std::vector<Message>& out) {
    const std::uint8_t length7 = _header[1] & 0x7f;
    std::size_t position = 2;
    std::uint64_t length = length7;
    if (length7 >= 126) {
        const std::size_t bytes = length7 == 126 ? 2 : 8;
        length = 0;
        for (std::size_t i = 0; i < bytes; ++i) length = length << 8 | _header[position++];
        if ((length >> 63) != 0) {
            fail(WebSocketCloseCode::ProtocolError, "64-bit length with the top bit set");
            return;
        }
    }
    std::copy_n(_header.begin() + static_cast<std::ptrdiff_t>(position), kMaskKeySize, _mask.begin());

    if (isControlFrame()) {
        // Checked on the decoded length: a short control payload in a longer length form is still legal.
        if (length > kMaxControlPayload) {
            fail(WebSocketCloseCode::ProtocolError, "control frame over 125 bytes");
            return;
        }
        _control.clear();
    } else {
        // _message never exceeds the limit, so the subtraction cannot wrap.
        if (length > _maxMessageBytes - _message.size()) {
            fail(WebSocketCloseCode::MessageTooBig, "message too big");
            return;
        }
        if (_opcode != kContinuation) _messageOpcode = _opcode;
    }

    _headerSize = 0;
    _headerNeeded = 2;
    _payloadRemaining = length;
    _payloadReceived = 0;
    _state = State::Payload;
    if (length == 0) finishFrame(out);
}

std::size_t WebSocketFrameDecoder::consumePayload(const char* data, std::size_t size, std::vector<Message>& out) {
    const auto taken = static_cast<std::size_t>(std::min<std::uint64_t>(size, _payloadRemaining));
    std::string& target = isControlFrame() ? _control : _message;
    const std::size_t start = target.size();
    target.append(data, taken);
    char* const appended = target.data() + start;
    unmask(appended, taken, _mask, _payloadReceived);
    _payloadReceived += taken;
    _payloadRemaining -= taken;

    // Text is checked as it arrives, so a bad message fails at its first bad byte, not after it is buffered.
    if (!isControlFrame() && _messageOpcode == kText && !_messageUtf8.feed(std::string_view(appended, taken))) {
        fail(WebSocketCloseCode::InvalidPayload, "invalid UTF-8 in text message");
        return taken;
    }
    if (_payloadRemaining == 0) finishFrame(out);
    return taken;
}

void WebSocketFrameDecoder::finishFrame(std::vector<Message>& out) {
    _state = State::Header;
    if (_opcode == kClose) {
        finishClose(out);
    } else if (_opcode == kPing || _opcode == kPong) {
        out.push_back(Message{_opcode == kPing ? Kind::Ping : Kind::Pong, _control, 0});
    } else if (_fin) {
        if (_messageOpcode == kText && !_messageUtf8.complete()) {
            fail(WebSocketCloseCode::InvalidPayload, "truncated UTF-8 at the end of a text message");
            return;
        }
        out.push_back(Message{_messageOpcode == kText ? Kind::Text : Kind::Binary, std::move(_message), 0});
        // A finished text message leaves the validator complete, which is the state a new message starts from.
        _message.clear();
        _messageOpcode = 0;
    }
}

void WebSocketFrameDecoder::finishClose(std::vector<Message>& out) {
    if (_control.size() == 1) {
        fail(WebSocketCloseCode::ProtocolError, "close payload of one byte");
        return;
    }
    auto code = static_cast<std::uint16_t>(WebSocketCloseCode::NoStatusReceived);
    std::string_view reason;
    if (_control.size() >= 2) {
        code = static_cast<std::uint16_t>(static_cast<std::uint8_t>(_control[0]) << 8 |
                                          static_cast<std::uint8_t>(_control[1]));
        if (!isCloseCodeAllowedOnWire(code)) {
            fail(WebSocketCloseCode::ProtocolError, "close code not allowed");
            return;
        }
        reason = std::string_view(_control).substr(2);
    }
    Utf8Validator reasonUtf8;
    if (!reasonUtf8.feed(reason) || !reasonUtf8.complete()) {
        fail(WebSocketCloseCode::InvalidPayload, "invalid UTF-8 in close reason");
        return;
    }
    out.push_back(Message{Kind::Close, std::string(reason), code});
    _state = State::Closed;
}

void WebSocketFrameDecoder::fail(WebSocketCloseCode code, std::string_view reason) {
    _state = State::Failed;
    _failureCode = code;
    _failureReason = reason;
    // The connection may linger while the close handshake runs; do not keep a large message buffer for it.
    _message.clear();
    _message.shrink_to_fit();
}

} // namespace switchboard::core::realtime
