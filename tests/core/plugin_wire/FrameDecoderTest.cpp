#include "core/plugin_wire/FrameDecoder.h"

#include "core/plugin_wire/FrameEncoder.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

using switchboard::core::plugin_wire::ErrorCode;
using switchboard::core::plugin_wire::FrameDecoder;
using switchboard::core::plugin_wire::FrameEncoder;
using switchboard::core::plugin_wire::WireError;

namespace {

std::vector<std::string> drain(FrameDecoder& decoder) {
    std::vector<std::string> frames;
    while (auto frame = decoder.next()) frames.push_back(*frame);
    return frames;
}

/// The frames of `stream` appended in two pieces, cut at `cut`, taking frames out after each piece.
std::vector<std::string> decodeCut(const std::string& stream, std::size_t cut) {
    FrameDecoder decoder;
    decoder.append(stream.data(), cut);
    auto frames = drain(decoder);
    decoder.append(stream.data() + cut, stream.size() - cut);
    for (auto& frame : drain(decoder)) frames.push_back(frame);
    EXPECT_EQ(decoder.bufferedBytes(), 0u);
    return frames;
}

std::string header(unsigned char a, unsigned char b, unsigned char c, unsigned char d) {
    return {static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), static_cast<char>(d)};
}

} // namespace

TEST(FrameDecoderTest, TakesOutFramesWhateverBytePositionTheStreamIsCutAt) {
    const FrameEncoder encoder;
    const std::vector<std::string> texts{R"({"type":"hello"})", "{}", R"({"a":"caf\u00e9 é"})"};
    std::string stream;
    for (const auto& text : texts) stream += encoder.encode(text);
    for (std::size_t cut = 0; cut <= stream.size(); ++cut) EXPECT_EQ(decodeCut(stream, cut), texts) << "cut " << cut;
}

TEST(FrameDecoderTest, TakesOutFramesFedOneByteAtATime) {
    const std::string stream = FrameEncoder().encode("{}") + FrameEncoder().encode("[1]");
    FrameDecoder decoder;
    std::vector<std::string> frames;
    for (const char byte : stream) {
        decoder.append(&byte, 1);
        for (auto& frame : drain(decoder)) frames.push_back(frame);
    }
    EXPECT_EQ(frames, (std::vector<std::string>{"{}", "[1]"}));
}

TEST(FrameDecoderTest, ReadsTheLengthBigEndian) {
    FrameDecoder decoder;
    const std::string text(0x0102, 'x');
    const std::string stream = header(0, 0, 1, 2) + text;
    decoder.append(stream.data(), stream.size());
    EXPECT_EQ(decoder.next(), text);
}

TEST(FrameDecoderTest, WaitsForTheWholeFrame) {
    FrameDecoder decoder;
    const std::string stream = header(0, 0, 0, 5) + "{\"a\"";
    decoder.append(stream.data(), stream.size());
    EXPECT_EQ(decoder.next(), std::nullopt);
    EXPECT_EQ(decoder.bufferedBytes(), stream.size());
}

TEST(FrameDecoderTest, RefusesALengthOfZeroAndStaysFailed) {
    FrameDecoder decoder;
    const std::string stream = header(0, 0, 0, 0) + FrameEncoder().encode("{}");
    decoder.append(stream.data(), stream.size());
    try {
        decoder.next();
        FAIL() << "a frame of 0 bytes was taken";
    } catch (const WireError& error) {
        EXPECT_EQ(error.code(), ErrorCode::BadRequest);
        EXPECT_NE(std::string(error.what()).find("0 bytes"), std::string::npos) << error.what();
    }
    EXPECT_TRUE(decoder.failed());
    EXPECT_THROW(decoder.next(), WireError);
    EXPECT_THROW(decoder.append("{}", 2), WireError);
}

TEST(FrameDecoderTest, RefusesALengthAboveTheLimitBeforeTheFrameArrives) {
    FrameDecoder decoder(100);
    const std::string stream = header(0, 0, 0, 101);
    decoder.append(stream.data(), stream.size());
    try {
        decoder.next();
        FAIL() << "a frame above the limit was accepted";
    } catch (const WireError& error) {
        EXPECT_NE(std::string(error.what()).find("101 bytes is above the limit of 100"), std::string::npos)
            << error.what();
    }
    EXPECT_TRUE(decoder.failed());
    EXPECT_EQ(decoder.bufferedBytes(), 0u);
}

TEST(FrameDecoderTest, TakesAFrameOfExactlyTheLimit) {
    FrameDecoder decoder(100);
    const std::string stream = header(0, 0, 0, 100) + std::string(100, ' ');
    decoder.append(stream.data(), stream.size());
    EXPECT_EQ(decoder.next(), std::string(100, ' '));
}

TEST(FrameDecoderTest, RefusesTheLargestLengthUnderTheDefaultLimit) {
    FrameDecoder decoder;
    const std::string stream = header(0xff, 0xff, 0xff, 0xff);
    decoder.append(stream.data(), stream.size());
    EXPECT_THROW(decoder.next(), WireError);
}

TEST(FrameDecoderTest, RefusesALimitTheHeaderCannotExpress) {
    EXPECT_THROW(FrameDecoder(0), std::invalid_argument);
    EXPECT_THROW(FrameDecoder(std::size_t{1} << 32), std::invalid_argument);
}
