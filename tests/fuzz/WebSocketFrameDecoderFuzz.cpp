// libFuzzer target for the WebSocket frame decoder. Input: byte 0 sets the message limit, byte 1 seeds the
// chunk sizes, the rest is the client's byte stream. The stream is decoded whole, one byte at a time and in
// pseudo-random chunks; every way must give the same messages and the same failure, and what comes out must
// respect the limits and survive a round trip through the encoder.
// Built and run by tests/fuzz/run.

#include "core/realtime/Utf8Validator.h"
#include "core/realtime/WebSocketFrameDecoder.h"
#include "core/realtime/WebSocketFrameEncoder.h"
#include "tests/core/realtime/ClientFrame.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using switchboard::core::realtime::isCloseCodeAllowedOnWire;
using switchboard::core::realtime::Utf8Validator;
using switchboard::core::realtime::WebSocketCloseCode;
using switchboard::core::realtime::WebSocketFrameDecoder;
using switchboard::core::realtime::WebSocketFrameEncoder;
using switchboard::tests::ClientFrame;
using Kind = WebSocketFrameDecoder::Kind;
using Message = WebSocketFrameDecoder::Message;

struct Outcome {
    std::vector<Message> messages;
    bool failed = false;
    bool closed = false;
    WebSocketCloseCode code = WebSocketCloseCode::Normal;
    std::string reason;

    bool operator==(const Outcome&) const = default;
};

void require(bool condition) {
    if (!condition) __builtin_trap();
}

template <typename NextChunkSize>
Outcome decode(const std::string& stream, std::size_t limit, NextChunkSize nextChunkSize) {
    WebSocketFrameDecoder decoder(limit);
    Outcome outcome;
    std::size_t position = 0;
    while (position < stream.size()) {
        const std::size_t chunk = std::min(nextChunkSize(), stream.size() - position);
        const bool ok = decoder.feed(stream.data() + position, chunk, outcome.messages);
        require(ok == !decoder.failed());
        position += chunk;
    }
    outcome.failed = decoder.failed();
    outcome.closed = decoder.closeReceived();
    outcome.code = decoder.failureCode();
    outcome.reason = std::string(decoder.failureReason());
    return outcome;
}

bool isUtf8(const std::string& text) {
    Utf8Validator validator;
    return validator.feed(text) && validator.complete();
}

void checkInvariants(const Outcome& outcome, std::size_t limit) {
    require(!(outcome.failed && outcome.closed));
    if (outcome.failed) {
        require(outcome.code == WebSocketCloseCode::ProtocolError ||
                outcome.code == WebSocketCloseCode::InvalidPayload ||
                outcome.code == WebSocketCloseCode::MessageTooBig);
        require(!outcome.reason.empty() && outcome.reason.size() <= 123);
    }
    for (std::size_t i = 0; i < outcome.messages.size(); ++i) {
        const Message& message = outcome.messages[i];
        switch (message.kind) {
        case Kind::Text:
            require(isUtf8(message.payload));
            [[fallthrough]];
        case Kind::Binary:
            require(message.payload.size() <= limit);
            require(message.closeCode == 0);
            break;
        case Kind::Ping:
        case Kind::Pong:
            require(message.payload.size() <= 125);
            require(message.closeCode == 0);
            break;
        case Kind::Close:
            require(i + 1 == outcome.messages.size() && outcome.closed);
            require(message.payload.size() <= 123 && isUtf8(message.payload));
            require(isCloseCodeAllowedOnWire(message.closeCode) ||
                    (message.closeCode == static_cast<std::uint16_t>(WebSocketCloseCode::NoStatusReceived) &&
                     message.payload.empty()));
            break;
        }
    }
}

// Whatever the decoder accepted, the encoder must write back in a form the decoder reads the same way.
void checkRoundTrip(const Outcome& outcome, std::size_t limit) {
    std::string serverFrames;
    for (const Message& message : outcome.messages) {
        switch (message.kind) {
        case Kind::Text: WebSocketFrameEncoder::appendText(serverFrames, message.payload); break;
        case Kind::Binary: WebSocketFrameEncoder::appendBinary(serverFrames, message.payload); break;
        case Kind::Ping: WebSocketFrameEncoder::appendPing(serverFrames, message.payload); break;
        case Kind::Pong: WebSocketFrameEncoder::appendPong(serverFrames, message.payload); break;
        case Kind::Close: WebSocketFrameEncoder::appendClose(serverFrames, message.closeCode, message.payload); break;
        }
    }
    const std::string clientFrames = ClientFrame::maskServerFrames(serverFrames, {0xa5, 0x01, 0x7f, 0x80});
    const Outcome again = decode(clientFrames, limit, [] { return SIZE_MAX; });
    require(!again.failed);
    require(again.messages == outcome.messages);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    // Small enough that the 16-bit length form and the 1009 path are both reachable.
    const std::size_t limit = static_cast<std::size_t>(data[0]) * 2;
    const std::size_t maxChunk = 1 + (data[1] & 0x0f) * 4;
    std::uint32_t state = 0x9e3779b9u ^ data[1];
    const std::string stream(reinterpret_cast<const char*>(data + 2), size - 2);

    const Outcome whole = decode(stream, limit, [] { return SIZE_MAX; });
    const Outcome byteByByte = decode(stream, limit, [] { return std::size_t{1}; });
    const Outcome chunked = decode(stream, limit, [&] {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return 1 + state % maxChunk;
    });
    require(whole == byteByByte);
    require(whole == chunked);
    checkInvariants(whole, limit);
    checkRoundTrip(whole, limit);
    return 0;
}
