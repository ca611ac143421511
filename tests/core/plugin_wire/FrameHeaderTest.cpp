#include "core/plugin_wire/FrameHeader.h"

#include <gtest/gtest.h>

#include <string>

using switchboard::core::plugin_wire::FrameHeader;

TEST(FrameHeaderTest, WritesAndReadsFourBytesBigEndian) {
    for (const std::size_t length :
         {std::size_t{0}, std::size_t{1}, std::size_t{0x80}, std::size_t{0x01020304}, std::size_t{0xffffffff}}) {
        std::string bytes;
        FrameHeader::write(length, bytes);
        ASSERT_EQ(bytes.size(), FrameHeader::Size);
        EXPECT_EQ(FrameHeader::read(bytes.data()), length);
    }
    std::string bytes;
    FrameHeader::write(0x01020304, bytes);
    EXPECT_EQ(bytes, std::string("\x01\x02\x03\x04", 4));
}
