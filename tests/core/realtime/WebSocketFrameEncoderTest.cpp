#include "core/realtime/WebSocketFrameEncoder.h"

#include "core/realtime/WebSocketFrameDecoder.h"
#include "tests/core/realtime/ClientFrame.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

using switchboard::core::realtime::WebSocketCloseCode;
using switchboard::core::realtime::WebSocketFrameDecoder;
using switchboard::core::realtime::WebSocketFrameEncoder;
using switchboard::tests::ClientFrame;
using Kind = WebSocketFrameDecoder::Kind;
using Message = WebSocketFrameDecoder::Message;

namespace {

// What our own decoder makes of server frames once a client-side masker has masked them.
std::vector<Message> roundTrip(const std::string& serverFrames) {
    const std::string clientFrames = ClientFrame::maskServerFrames(serverFrames, {0x12, 0x34, 0x56, 0x78});
    WebSocketFrameDecoder decoder(1 << 20);
    std::vector<Message> out;
    EXPECT_TRUE(decoder.feed(clientFrames.data(), clientFrames.size(), out)) << decoder.failureReason();
    return out;
}

std::string bytes(std::initializer_list<unsigned char> list) { return std::string(list.begin(), list.end()); }

} // namespace

TEST(WebSocketFrameEncoderTest, WritesAnUnmaskedFinalFrame) {
    std::string frame;
    WebSocketFrameEncoder::appendText(frame, "hello");
    EXPECT_EQ(frame, bytes({0x81, 0x05}) + "hello");
    frame.clear();
    WebSocketFrameEncoder::appendBinary(frame, "\x01\x02");
    EXPECT_EQ(frame, bytes({0x82, 0x02, 0x01, 0x02}));
}

TEST(WebSocketFrameEncoderTest, ChoosesTheShortestLengthForm) {
    const auto headerOf = [](std::size_t size) {
        std::string frame;
        WebSocketFrameEncoder::appendBinary(frame, std::string(size, 'x'));
        EXPECT_EQ(frame.size() - size, size < 126 ? 2u : size <= 0xffff ? 4u : 10u);
        return frame.substr(0, frame.size() - size);
    };
    EXPECT_EQ(headerOf(0), bytes({0x82, 0x00}));
    EXPECT_EQ(headerOf(125), bytes({0x82, 0x7d}));
    EXPECT_EQ(headerOf(126), bytes({0x82, 0x7e, 0x00, 0x7e}));
    EXPECT_EQ(headerOf(65535), bytes({0x82, 0x7e, 0xff, 0xff}));
    EXPECT_EQ(headerOf(65536), bytes({0x82, 0x7f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00}));
}

TEST(WebSocketFrameEncoderTest, AppendsToWhatTheBufferAlreadyHolds) {
    std::string queue;
    WebSocketFrameEncoder::appendText(queue, "one");
    WebSocketFrameEncoder::appendPing(queue, "beat");
    WebSocketFrameEncoder::appendBinary(queue, std::string(300, 'b'));
    EXPECT_EQ(roundTrip(queue),
              (std::vector<Message>{
                  {Kind::Text, "one", 0}, {Kind::Ping, "beat", 0}, {Kind::Binary, std::string(300, 'b'), 0}}));
}

TEST(WebSocketFrameEncoderTest, RoundTripsEveryLengthFormThroughAClientMasker) {
    for (std::size_t size : {0u, 1u, 125u, 126u, 127u, 65535u, 65536u, 70001u}) {
        std::string payload(size, '\0');
        for (std::size_t i = 0; i < size; ++i) payload[i] = static_cast<char>('0' + i % 10);
        std::string frames;
        WebSocketFrameEncoder::appendText(frames, payload);
        WebSocketFrameEncoder::appendBinary(frames, payload);
        EXPECT_EQ(roundTrip(frames), (std::vector<Message>{{Kind::Text, payload, 0}, {Kind::Binary, payload, 0}}))
            << size;
    }
}

TEST(WebSocketFrameEncoderTest, RoundTripsControlFrames) {
    std::string frames;
    WebSocketFrameEncoder::appendPing(frames, std::string(125, 'p'));
    WebSocketFrameEncoder::appendPong(frames, "");
    WebSocketFrameEncoder::appendClose(frames, WebSocketCloseCode::GoingAway, "server restart \xe2\x86\xbb");
    EXPECT_EQ(roundTrip(frames), (std::vector<Message>{{Kind::Ping, std::string(125, 'p'), 0},
                                                       {Kind::Pong, "", 0},
                                                       {Kind::Close, "server restart \xe2\x86\xbb", 1001}}));
}

TEST(WebSocketFrameEncoderTest, RefusesControlPayloadsOver125Bytes) {
    std::string frame;
    EXPECT_THROW(WebSocketFrameEncoder::appendPing(frame, std::string(126, 'p')), std::invalid_argument);
    EXPECT_THROW(WebSocketFrameEncoder::appendPong(frame, std::string(126, 'p')), std::invalid_argument);
    EXPECT_TRUE(frame.empty());
}

TEST(WebSocketFrameEncoderTest, WritesCloseCodeBigEndianBeforeTheReason) {
    std::string frame;
    WebSocketFrameEncoder::appendClose(frame, 4001, "bye");
    EXPECT_EQ(frame, bytes({0x88, 0x05, 0x0f, 0xa1}) + "bye");
}

TEST(WebSocketFrameEncoderTest, AnswersACloseWithoutCodeWithAnEmptyClose) {
    std::string frame;
    WebSocketFrameEncoder::appendClose(frame, WebSocketCloseCode::NoStatusReceived, "ignored");
    EXPECT_EQ(frame, bytes({0x88, 0x00}));
}

TEST(WebSocketFrameEncoderTest, RefusesCloseCodesThatMayNotBeSent) {
    std::string frame;
    for (std::uint16_t code : {999, 1004, 1006, 1015, 2000, 5000}) {
        EXPECT_THROW(WebSocketFrameEncoder::appendClose(frame, code), std::invalid_argument) << code;
    }
    EXPECT_TRUE(frame.empty());
}

TEST(WebSocketFrameEncoderTest, TruncatesALongReasonToFit) {
    std::string frame;
    WebSocketFrameEncoder::appendClose(frame, WebSocketCloseCode::PolicyViolation, std::string(200, 'r'));
    EXPECT_EQ(frame.size(), 2u + 125u);
    EXPECT_EQ(roundTrip(frame), (std::vector<Message>{{Kind::Close, std::string(123, 'r'), 1008}}));
}

TEST(WebSocketFrameEncoderTest, TruncatesTheReasonOnACharacterBoundary) {
    // 121 ASCII bytes and a three-byte euro sign: the sign would straddle the 123-byte limit, so it goes whole.
    const std::string reason = std::string(121, 'r') + "\xe2\x82\xac";
    std::string frame;
    WebSocketFrameEncoder::appendClose(frame, WebSocketCloseCode::MessageTooBig, reason);
    EXPECT_EQ(roundTrip(frame), (std::vector<Message>{{Kind::Close, std::string(121, 'r'), 1009}}));

    const std::string fits = std::string(120, 'r') + "\xe2\x82\xac";
    frame.clear();
    WebSocketFrameEncoder::appendClose(frame, WebSocketCloseCode::MessageTooBig, fits + "more");
    EXPECT_EQ(roundTrip(frame), (std::vector<Message>{{Kind::Close, fits, 1009}}));
}

TEST(WebSocketFrameEncoderTest, ReadsBackTheFramesItWrote) {
    for (const std::size_t size : {std::size_t{0}, std::size_t{5}, std::size_t{125}, std::size_t{126},
                                   std::size_t{70'000}}) {
        std::string frame;
        const std::string payload(size, 'p');
        WebSocketFrameEncoder::appendText(frame, payload);
        const auto read = WebSocketFrameEncoder::readBack(frame);
        EXPECT_EQ(read.opcode, 0x1) << size;
        EXPECT_EQ(read.payload, payload) << size;
    }
    std::string close;
    WebSocketFrameEncoder::appendClose(close, 1000, "bye");
    EXPECT_EQ(WebSocketFrameEncoder::readBack(close).opcode, 0x8);
}
