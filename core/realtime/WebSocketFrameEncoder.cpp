#include "core/realtime/WebSocketFrameEncoder.h"

#include "core/realtime/WebSocketFrame.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace switchboard::core::realtime {

namespace {

using namespace websocket;

void appendFrame(std::string& out, std::uint8_t opcode, std::string_view payload) {
    std::array<char, 10> header{};
    std::size_t headerSize = 0;
    header[headerSize++] = static_cast<char>(kFin | opcode);
    const std::uint64_t length = payload.size();
    if (length < 126) {
        header[headerSize++] = static_cast<char>(length);
    } else {
        const std::size_t lengthBytes = length <= 0xffff ? 2 : 8;
        header[headerSize++] = static_cast<char>(lengthBytes == 2 ? 126 : 127);
        for (std::size_t i = lengthBytes; i > 0; --i) {
            header[headerSize++] = static_cast<char>(length >> (8 * (i - 1)) & 0xff);
        }
    }
    out.reserve(out.size() + headerSize + payload.size());
    out.append(header.data(), headerSize);
    out.append(payload);
}

void appendControlFrame(std::string& out, std::uint8_t opcode, std::string_view payload) {
    if (payload.size() > kMaxControlPayload) {
        throw std::invalid_argument("WebSocket control frame payload over 125 bytes");
    }
    appendFrame(out, opcode, payload);
}

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

} // namespace

void WebSocketFrameEncoder::appendText(std::string& out, std::string_view payload) { appendFrame(out, kText, payload); }

void WebSocketFrameEncoder::appendBinary(std::string& out, std::string_view payload) {
    appendFrame(out, kBinary, payload);
}

void WebSocketFrameEncoder::appendPing(std::string& out, std::string_view payload) {
    appendControlFrame(out, kPing, payload);
}

void WebSocketFrameEncoder::appendPong(std::string& out, std::string_view payload) {
    appendControlFrame(out, kPong, payload);
}

void WebSocketFrameEncoder::appendClose(std::string& out, std::uint16_t code, std::string_view reason) {
    if (code == static_cast<std::uint16_t>(WebSocketCloseCode::NoStatusReceived)) {
        appendFrame(out, kClose, {});
        return;
    }
    if (!isCloseCodeAllowedOnWire(code)) {
        throw std::invalid_argument("WebSocket close code " + std::to_string(code) + " may not be sent");
    }
    std::size_t cut = std::min(reason.size(), kMaxControlPayload - kCloseCodeSize);
    while (cut > 0 && cut < reason.size() && isContinuationByte(reason[cut])) --cut;

    std::array<char, kMaxControlPayload> payload{};
    payload[0] = static_cast<char>(code >> 8);
    payload[1] = static_cast<char>(code & 0xff);
    std::copy_n(reason.begin(), cut, payload.begin() + kCloseCodeSize);
    appendFrame(out, kClose, std::string_view(payload.data(), kCloseCodeSize + cut));
}

void WebSocketFrameEncoder::appendClose(std::string& out, WebSocketCloseCode code, std::string_view reason) {
    appendClose(out, static_cast<std::uint16_t>(code), reason);
}

WebSocketFrameEncoder::Frame WebSocketFrameEncoder::readBack(std::string_view frame) {
    const auto opcode = static_cast<std::uint8_t>(static_cast<unsigned char>(frame[0]) & 0x0f);
    const auto lengthCode = static_cast<unsigned char>(frame[1]) & 0x7f;
    const std::size_t headerSize = lengthCode < 126 ? 2 : lengthCode == 126 ? 4 : 10;
    return {opcode, frame.substr(headerSize)};
}

} // namespace switchboard::core::realtime
