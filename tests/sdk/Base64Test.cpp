#include "Base64.h"

#include <gtest/gtest.h>

using switchboard::sdk::Base64;

TEST(Base64Test, EncodesRfc4648Vectors) {
    EXPECT_EQ(Base64::encode(""), "");
    EXPECT_EQ(Base64::encode("f"), "Zg==");
    EXPECT_EQ(Base64::encode("fo"), "Zm8=");
    EXPECT_EQ(Base64::encode("foo"), "Zm9v");
    EXPECT_EQ(Base64::encode("foobar"), "Zm9vYmFy");
    EXPECT_EQ(Base64::encode(std::string("\xfb\xff", 2)), "+/8=");
}

TEST(Base64Test, DecodesWhatItEncodes) {
    EXPECT_EQ(Base64::decode(""), "");
    EXPECT_EQ(Base64::decode("Zg=="), "f");
    EXPECT_EQ(Base64::decode("Zm8="), "fo");
    EXPECT_EQ(Base64::decode("Zm9vYmFy"), "foobar");
    EXPECT_EQ(Base64::decode("+/8="), std::string("\xfb\xff", 2));
    const std::string bytes("\x00\x01\x02\xfe\xff", 5);
    EXPECT_EQ(Base64::decode(Base64::encode(bytes)), bytes);
}

TEST(Base64Test, RefusesWhatIsNotPaddedBase64) {
    EXPECT_EQ(Base64::decode("Zg"), std::nullopt);
    EXPECT_EQ(Base64::decode("Zg="), std::nullopt);
    EXPECT_EQ(Base64::decode("Z==="), std::nullopt);
    EXPECT_EQ(Base64::decode("Zg=a"), std::nullopt);
    EXPECT_EQ(Base64::decode("Zm9v Zg=="), std::nullopt);
    EXPECT_EQ(Base64::decode("Zm9-"), std::nullopt);
    EXPECT_EQ(Base64::decode("===="), std::nullopt);
}
