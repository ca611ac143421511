#include "core/realtime/WebSocketFrameDecoder.h"

#include "tests/core/realtime/ClientFrame.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

using switchboard::core::realtime::WebSocketCloseCode;
using switchboard::core::realtime::WebSocketFrameDecoder;
using switchboard::tests::ClientFrame;
using Kind = WebSocketFrameDecoder::Kind;
using Message = WebSocketFrameDecoder::Message;

namespace {

constexpr std::size_t kLimit = 1 << 20;

struct Decoded {
    std::vector<Message> messages;
    bool failed = false;
    WebSocketCloseCode code = WebSocketCloseCode::Normal;

    bool operator==(const Decoded&) const = default;
};

void PrintTo(const Decoded& decoded, std::ostream* os) {
    for (const Message& message : decoded.messages) {
        *os << "{kind " << static_cast<int>(message.kind) << ", " << testing::PrintToString(message.payload)
            << ", code " << message.closeCode << "} ";
    }
    if (decoded.failed) *os << "failed with " << static_cast<int>(decoded.code);
}

// Feeds `stream` in pieces that end at each offset in `cuts` (ascending), then the rest.
Decoded decode(const std::string& stream, const std::vector<std::size_t>& cuts = {}, std::size_t limit = kLimit) {
    WebSocketFrameDecoder decoder(limit);
    Decoded result;
    std::size_t from = 0;
    for (std::size_t cut : cuts) {
        decoder.feed(stream.data() + from, cut - from, result.messages);
        from = cut;
    }
    decoder.feed(stream.data() + from, stream.size() - from, result.messages);
    result.failed = decoder.failed();
    result.code = decoder.failureCode();
    return result;
}

Decoded decodeByteByByte(const std::string& stream, std::size_t limit = kLimit) {
    std::vector<std::size_t> cuts;
    for (std::size_t i = 1; i < stream.size(); ++i) cuts.push_back(i);
    return decode(stream, cuts, limit);
}

std::string patterned(std::size_t size) {
    std::string text(size, '\0');
    for (std::size_t i = 0; i < size; ++i) text[i] = static_cast<char>('a' + i % 26);
    return text;
}

Message text(std::string payload) { return Message{Kind::Text, std::move(payload), 0}; }
Message binary(std::string payload) { return Message{Kind::Binary, std::move(payload), 0}; }

void expectFailure(const std::string& stream, WebSocketCloseCode code, std::size_t limit = kLimit) {
    const Decoded whole = decode(stream, {}, limit);
    EXPECT_TRUE(whole.failed);
    EXPECT_EQ(whole.code, code);
    EXPECT_EQ(decodeByteByByte(stream, limit), whole);
}

std::string closePayload(std::uint16_t code, std::string_view reason = {}) {
    std::string payload{static_cast<char>(code >> 8), static_cast<char>(code & 0xff)};
    return payload.append(reason);
}

} // namespace

TEST(WebSocketFrameDecoderTest, DecodesEveryLengthFormAtEveryTwoPieceSplit) {
    const std::string stream = ClientFrame(ClientFrame::kText, "hello").bytes() +
                               ClientFrame(ClientFrame::kBinary, patterned(300)).bytes() +
                               ClientFrame(ClientFrame::kText, "wide").length(ClientFrame::Length::Forced64).bytes() +
                               ClientFrame(ClientFrame::kBinary, "mid").length(ClientFrame::Length::Forced16).bytes() +
                               ClientFrame(ClientFrame::kPing, "").bytes();
    const Decoded expected{{text("hello"), binary(patterned(300)), text("wide"), binary("mid"), {Kind::Ping, "", 0}}};
    ASSERT_EQ(decode(stream), expected);
    for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
        ASSERT_EQ(decode(stream, {cut}), expected) << "split at " << cut;
    }
    EXPECT_EQ(decodeByteByByte(stream), expected);
}

TEST(WebSocketFrameDecoderTest, DecodesA64BitLengthFrameAtAnySplit) {
    const std::string payload = patterned(70'000);
    const std::string stream = ClientFrame(ClientFrame::kBinary, payload).bytes();
    ASSERT_EQ(static_cast<std::uint8_t>(stream[1]), 0x80 | 127);
    const Decoded expected{{binary(payload)}};
    // Every cut inside the 14-byte header and the first payload bytes, then a sample through the payload.
    for (std::size_t cut = 0; cut < 40; ++cut) ASSERT_EQ(decode(stream, {cut}), expected) << "split at " << cut;
    for (std::size_t cut = 40; cut <= stream.size(); cut += 997) ASSERT_EQ(decode(stream, {cut}), expected);
    EXPECT_EQ(decodeByteByByte(stream), expected);
}

TEST(WebSocketFrameDecoderTest, UnmasksWithAnyKeyAcrossPieces) {
    const std::string stream =
        ClientFrame(ClientFrame::kText, "masked payload").maskKey({0xff, 0x00, 0x81, 0x7e}).bytes();
    EXPECT_EQ(decode(stream, {7, 9, 10, 15}), Decoded{{text("masked payload")}});
}

TEST(WebSocketFrameDecoderTest, ReassemblesFragmentsAroundControlFrames) {
    const std::string stream = ClientFrame(ClientFrame::kText, "Hel").notFinal().bytes() +
                               ClientFrame(ClientFrame::kPing, "are you there").bytes() +
                               ClientFrame(ClientFrame::kContinuation, "lo ").notFinal().bytes() +
                               ClientFrame(ClientFrame::kPong, "").bytes() +
                               ClientFrame(ClientFrame::kContinuation, "world").bytes() +
                               ClientFrame(ClientFrame::kBinary, "next").bytes();
    const Decoded expected{
        {{Kind::Ping, "are you there", 0}, {Kind::Pong, "", 0}, text("Hello world"), binary("next")}};
    EXPECT_EQ(decode(stream), expected);
    EXPECT_EQ(decodeByteByByte(stream), expected);
}

TEST(WebSocketFrameDecoderTest, ReportsMessagesAsSoonAsTheyComplete) {
    WebSocketFrameDecoder decoder(kLimit);
    std::vector<Message> out;
    const std::string first = ClientFrame(ClientFrame::kText, "part").notFinal().bytes();
    EXPECT_TRUE(decoder.feed(first.data(), first.size(), out));
    EXPECT_TRUE(out.empty());
    const std::string last = ClientFrame(ClientFrame::kContinuation, "s").bytes();
    EXPECT_TRUE(decoder.feed(last.data(), last.size(), out));
    EXPECT_EQ(out, std::vector<Message>{text("parts")});
}

TEST(WebSocketFrameDecoderTest, AcceptsEmptyMessagesAndEmptyFragments) {
    const std::string stream = ClientFrame(ClientFrame::kText, "").bytes() +
                               ClientFrame(ClientFrame::kBinary, "").bytes() +
                               ClientFrame(ClientFrame::kText, "").notFinal().bytes() +
                               ClientFrame(ClientFrame::kContinuation, "x").notFinal().bytes() +
                               ClientFrame(ClientFrame::kContinuation, "").bytes();
    EXPECT_EQ(decode(stream), (Decoded{{text(""), binary(""), text("x")}}));
}

TEST(WebSocketFrameDecoderTest, AcceptsNonMinimalLengthEncodings) {
    const std::string stream =
        ClientFrame(ClientFrame::kText, "tiny").length(ClientFrame::Length::Forced16).bytes() +
        ClientFrame(ClientFrame::kPing, "p").length(ClientFrame::Length::Forced64).bytes() +
        ClientFrame(ClientFrame::kBinary, patterned(200)).length(ClientFrame::Length::Forced64).bytes();
    EXPECT_EQ(decode(stream), (Decoded{{text("tiny"), {Kind::Ping, "p", 0}, binary(patterned(200))}}));
}

TEST(WebSocketFrameDecoderTest, DoesNotCheckBinaryMessagesForUtf8) {
    EXPECT_EQ(decode(ClientFrame(ClientFrame::kBinary, "\xff\xfe\xc0").bytes()), Decoded{{binary("\xff\xfe\xc0")}});
}

TEST(WebSocketFrameDecoderTest, RefusesUnmaskedClientFrames) {
    expectFailure(ClientFrame(ClientFrame::kText, "hi").unmasked().bytes(), WebSocketCloseCode::ProtocolError);
    expectFailure(ClientFrame(ClientFrame::kPing, "").unmasked().bytes(), WebSocketCloseCode::ProtocolError);
}

TEST(WebSocketFrameDecoderTest, RefusesReservedBits) {
    for (std::uint8_t bits : {0x40, 0x20, 0x10, 0x70}) {
        expectFailure(ClientFrame(ClientFrame::kText, "hi").reservedBits(bits).bytes(),
                      WebSocketCloseCode::ProtocolError);
    }
}

TEST(WebSocketFrameDecoderTest, RefusesUnknownOpcodes) {
    for (std::uint8_t opcode : {0x3, 0x4, 0x5, 0x6, 0x7, 0xb, 0xc, 0xd, 0xe, 0xf}) {
        SCOPED_TRACE(static_cast<int>(opcode));
        expectFailure(ClientFrame(opcode, "").bytes(), WebSocketCloseCode::ProtocolError);
    }
}

TEST(WebSocketFrameDecoderTest, RefusesFragmentedOrLongControlFrames) {
    expectFailure(ClientFrame(ClientFrame::kPing, "a").notFinal().bytes(), WebSocketCloseCode::ProtocolError);
    expectFailure(ClientFrame(ClientFrame::kClose, "").notFinal().bytes(), WebSocketCloseCode::ProtocolError);
    expectFailure(ClientFrame(ClientFrame::kPing, patterned(126)).bytes(), WebSocketCloseCode::ProtocolError);
    EXPECT_EQ(decode(ClientFrame(ClientFrame::kPong, patterned(125)).bytes()),
              (Decoded{{{Kind::Pong, patterned(125), 0}}}));
}

TEST(WebSocketFrameDecoderTest, RefusesAContinuationWithoutAMessage) {
    expectFailure(ClientFrame(ClientFrame::kContinuation, "x").bytes(), WebSocketCloseCode::ProtocolError);
    expectFailure(ClientFrame(ClientFrame::kText, "done").bytes() +
                      ClientFrame(ClientFrame::kContinuation, "x").bytes(),
                  WebSocketCloseCode::ProtocolError);
}

TEST(WebSocketFrameDecoderTest, RefusesANewMessageInsideAFragmentedOne) {
    expectFailure(ClientFrame(ClientFrame::kText, "a").notFinal().bytes() +
                      ClientFrame(ClientFrame::kBinary, "b").bytes(),
                  WebSocketCloseCode::ProtocolError);
    expectFailure(ClientFrame(ClientFrame::kBinary, "a").notFinal().bytes() +
                      ClientFrame(ClientFrame::kText, "b").bytes(),
                  WebSocketCloseCode::ProtocolError);
}

TEST(WebSocketFrameDecoderTest, RefusesA64BitLengthWithTheTopBitSet) {
    expectFailure(ClientFrame(ClientFrame::kBinary, "").declaredLength(0x8000'0000'0000'0000ULL).bytes(),
                  WebSocketCloseCode::ProtocolError);
}

TEST(WebSocketFrameDecoderTest, RefusesAnOversizedFrameFromItsHeaderAlone) {
    for (std::uint64_t declared : {std::uint64_t{1025}, std::uint64_t{70'000}, std::uint64_t{1} << 40}) {
        const std::string header = ClientFrame(ClientFrame::kBinary, "").declaredLength(declared).bytes();
        WebSocketFrameDecoder decoder(1024);
        std::vector<Message> out;
        EXPECT_FALSE(decoder.feed(header.data(), header.size(), out));
        EXPECT_EQ(decoder.failureCode(), WebSocketCloseCode::MessageTooBig);
        EXPECT_FALSE(decoder.failureReason().empty());
    }
}

TEST(WebSocketFrameDecoderTest, AcceptsAMessageOfExactlyTheLimit) {
    const std::string stream = ClientFrame(ClientFrame::kText, patterned(600)).notFinal().bytes() +
                               ClientFrame(ClientFrame::kContinuation, patterned(424)).bytes();
    EXPECT_EQ(decode(stream, {}, 1024), Decoded{{text(patterned(600) + patterned(424))}});
}

TEST(WebSocketFrameDecoderTest, RefusesAReassembledMessageOverTheLimit) {
    const std::string first = ClientFrame(ClientFrame::kText, patterned(600)).notFinal().bytes();
    const std::string second = ClientFrame(ClientFrame::kContinuation, patterned(425)).bytes();
    WebSocketFrameDecoder decoder(1024);
    std::vector<Message> out;
    EXPECT_TRUE(decoder.feed(first.data(), first.size(), out));
    // The second frame's 8-byte header is enough: the payload is refused before it is read.
    EXPECT_FALSE(decoder.feed(second.data(), 8, out));
    EXPECT_EQ(decoder.failureCode(), WebSocketCloseCode::MessageTooBig);
    EXPECT_TRUE(out.empty());
}

TEST(WebSocketFrameDecoderTest, LimitDoesNotCarryOverBetweenMessages) {
    const std::string stream = ClientFrame(ClientFrame::kText, patterned(1000)).bytes() +
                               ClientFrame(ClientFrame::kBinary, patterned(1000)).bytes();
    EXPECT_EQ(decode(stream, {}, 1024), (Decoded{{text(patterned(1000)), binary(patterned(1000))}}));
}

TEST(WebSocketFrameDecoderTest, RefusesInvalidUtf8AtTheFirstBadFragment) {
    // An overlong "/" in the first fragment fails before the message is finished.
    const std::string first = ClientFrame(ClientFrame::kText, "ok \xc0\xaf").notFinal().bytes();
    WebSocketFrameDecoder decoder(kLimit);
    std::vector<Message> out;
    EXPECT_FALSE(decoder.feed(first.data(), first.size(), out));
    EXPECT_EQ(decoder.failureCode(), WebSocketCloseCode::InvalidPayload);
}

TEST(WebSocketFrameDecoderTest, RefusesInvalidUtf8SplitAcrossFragments) {
    // E2 82 opens a three-byte sequence that the next fragment breaks with an ASCII byte.
    expectFailure(ClientFrame(ClientFrame::kText, "price \xe2\x82").notFinal().bytes() +
                      ClientFrame(ClientFrame::kContinuation, "A").bytes(),
                  WebSocketCloseCode::InvalidPayload);
    // ED A0 80 is a surrogate, whichever fragment its bytes land in.
    expectFailure(ClientFrame(ClientFrame::kText, "\xed").notFinal().bytes() +
                      ClientFrame(ClientFrame::kContinuation, "\xa0\x80").bytes(),
                  WebSocketCloseCode::InvalidPayload);
}

TEST(WebSocketFrameDecoderTest, RefusesUtf8LeftUnfinishedAtTheEndOfAMessage) {
    expectFailure(ClientFrame(ClientFrame::kText, "\xf0\x9f\x98").bytes(), WebSocketCloseCode::InvalidPayload);
    expectFailure(ClientFrame(ClientFrame::kText, "\xe2").notFinal().bytes() +
                      ClientFrame(ClientFrame::kContinuation, "\x82").bytes(),
                  WebSocketCloseCode::InvalidPayload);
}

TEST(WebSocketFrameDecoderTest, AcceptsMultibyteCharactersSplitAcrossFragments) {
    const std::string emoji = "\xf0\x9f\x98\x80";
    for (std::size_t cut = 1; cut < emoji.size(); ++cut) {
        const std::string stream =
            ClientFrame(ClientFrame::kText, "hi " + emoji.substr(0, cut)).notFinal().bytes() +
            ClientFrame(ClientFrame::kPing, "").bytes() +
            ClientFrame(ClientFrame::kContinuation, emoji.substr(cut) + " \xe2\x82").notFinal().bytes() +
            ClientFrame(ClientFrame::kContinuation, "\xac").bytes();
        EXPECT_EQ(decode(stream), (Decoded{{{Kind::Ping, "", 0}, text("hi " + emoji + " \xe2\x82\xac")}})) << cut;
    }
}

TEST(WebSocketFrameDecoderTest, StartsEachTextMessageWithFreshUtf8State) {
    const std::string stream =
        ClientFrame(ClientFrame::kText, "\xc3\xa9").bytes() + ClientFrame(ClientFrame::kText, "plain").bytes();
    EXPECT_EQ(decode(stream), (Decoded{{text("\xc3\xa9"), text("plain")}}));
}

TEST(WebSocketFrameDecoderTest, DecodesCloseFrames) {
    EXPECT_EQ(decode(ClientFrame(ClientFrame::kClose, "").bytes()),
              (Decoded{{{Kind::Close, "", static_cast<std::uint16_t>(WebSocketCloseCode::NoStatusReceived)}}}));
    EXPECT_EQ(decode(ClientFrame(ClientFrame::kClose, closePayload(1000)).bytes()),
              (Decoded{{{Kind::Close, "", 1000}}}));
    EXPECT_EQ(decode(ClientFrame(ClientFrame::kClose, closePayload(1001, "tab closed \xe2\x9c\x93")).bytes()),
              (Decoded{{{Kind::Close, "tab closed \xe2\x9c\x93", 1001}}}));
}

TEST(WebSocketFrameDecoderTest, AcceptsEveryCloseCodeAllowedOnTheWire) {
    for (std::uint16_t code :
         {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999}) {
        EXPECT_EQ(decode(ClientFrame(ClientFrame::kClose, closePayload(code)).bytes()),
                  (Decoded{{{Kind::Close, "", code}}}))
            << code;
    }
}

TEST(WebSocketFrameDecoderTest, RefusesCloseCodesReservedOrUnassigned) {
    for (std::uint16_t code : {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535}) {
        SCOPED_TRACE(code);
        expectFailure(ClientFrame(ClientFrame::kClose, closePayload(code)).bytes(), WebSocketCloseCode::ProtocolError);
    }
}

TEST(WebSocketFrameDecoderTest, RefusesAOneByteClosePayload) {
    expectFailure(ClientFrame(ClientFrame::kClose, "\x03").bytes(), WebSocketCloseCode::ProtocolError);
}

TEST(WebSocketFrameDecoderTest, RefusesACloseReasonThatIsNotUtf8) {
    expectFailure(ClientFrame(ClientFrame::kClose, closePayload(1000, "bye \xff")).bytes(),
                  WebSocketCloseCode::InvalidPayload);
    expectFailure(ClientFrame(ClientFrame::kClose, closePayload(1000, "bye \xe2\x82")).bytes(),
                  WebSocketCloseCode::InvalidPayload);
}

TEST(WebSocketFrameDecoderTest, IgnoresEverythingAfterAClose) {
    const std::string stream = ClientFrame(ClientFrame::kClose, closePayload(1000)).bytes() +
                               ClientFrame(ClientFrame::kText, "late").bytes() + "\xff\xff";
    WebSocketFrameDecoder decoder(kLimit);
    std::vector<Message> out;
    EXPECT_TRUE(decoder.feed(stream.data(), stream.size(), out));
    EXPECT_TRUE(decoder.closeReceived());
    EXPECT_EQ(out, (std::vector<Message>{{Kind::Close, "", 1000}}));
}

TEST(WebSocketFrameDecoderTest, StaysFailedAfterAnError) {
    const std::string bad = ClientFrame(ClientFrame::kText, "x").unmasked().bytes();
    const std::string good = ClientFrame(ClientFrame::kText, "y").bytes();
    WebSocketFrameDecoder decoder(kLimit);
    std::vector<Message> out;
    EXPECT_FALSE(decoder.feed(bad.data(), bad.size(), out));
    EXPECT_FALSE(decoder.feed(good.data(), good.size(), out));
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(decoder.failureCode(), WebSocketCloseCode::ProtocolError);
    EXPECT_EQ(decoder.failureReason(), "unmasked client frame");
}

TEST(WebSocketFrameDecoderTest, KeepsMessagesThatCompletedBeforeAnError) {
    const std::string stream = ClientFrame(ClientFrame::kText, "first").bytes() +
                               ClientFrame(ClientFrame::kText, "x").reservedBits(0x40).bytes();
    const Decoded decoded = decode(stream);
    EXPECT_EQ(decoded.messages, std::vector<Message>{text("first")});
    EXPECT_TRUE(decoded.failed);
}
