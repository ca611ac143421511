#include "core/plugin_wire/FrameEncoder.h"

#include "core/plugin_wire/WireError.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

using switchboard::core::plugin_wire::FrameEncoder;
using switchboard::core::plugin_wire::WireError;

TEST(FrameEncoderTest, PutsTheBigEndianLengthInFront) {
    const std::string text(0x010203, 'x');
    const auto frame = FrameEncoder().encode(text);
    ASSERT_EQ(frame.size(), 4 + text.size());
    EXPECT_EQ(frame.substr(0, 4), std::string("\x00\x01\x02\x03", 4));
    EXPECT_EQ(frame.substr(4), text);
}

TEST(FrameEncoderTest, RefusesAnEmptyText) { EXPECT_THROW(FrameEncoder().encode(""), WireError); }

TEST(FrameEncoderTest, RefusesATextAboveTheLimit) {
    const FrameEncoder encoder(10);
    EXPECT_NO_THROW(encoder.encode(std::string(10, ' ')));
    EXPECT_THROW(encoder.encode(std::string(11, ' ')), WireError);
}

TEST(FrameEncoderTest, RefusesALimitTheHeaderCannotExpress) {
    EXPECT_THROW(FrameEncoder(0), std::invalid_argument);
    EXPECT_THROW(FrameEncoder(std::size_t{1} << 32), std::invalid_argument);
}
