#include "core/common/Digest.h"

#include <gtest/gtest.h>

#include <string>

using switchboard::core::common::Digest;

TEST(DigestTest, Sha256MatchesKnownVectors) {
    EXPECT_EQ(Digest::sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(Digest::sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(DigestTest, Sha256HashesEmbeddedNulBytes) {
    EXPECT_NE(Digest::sha256Hex(std::string("a\0b", 3)), Digest::sha256Hex("a"));
}

TEST(DigestTest, HmacSha256MatchesRfc4231) {
    // Test case 2.
    EXPECT_EQ(Digest::hex(Digest::hmacSha256("Jefe", "what do ya want for nothing?")),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // Test case 1.
    EXPECT_EQ(Digest::hex(Digest::hmacSha256(std::string(20, '\x0b'), "Hi There")),
              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    // Test case 6: a key longer than the block size is hashed first.
    EXPECT_EQ(Digest::hex(Digest::hmacSha256(std::string(131, '\xaa'),
                                             "Test Using Larger Than Block-Size Key - Hash Key First")),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(DigestTest, HmacSha256AcceptsEmptyKeyAndData) {
    const std::string mac = Digest::hmacSha256("", "");
    EXPECT_EQ(mac.size(), 32u);
    EXPECT_EQ(Digest::hex(mac), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST(DigestTest, HexIsLowercaseTwoDigitsPerByte) {
    EXPECT_EQ(Digest::hex(""), "");
    EXPECT_EQ(Digest::hex(std::string("\x00\xff\x10\xab", 4)), "00ff10ab");
}

TEST(DigestTest, Base64MatchesRfc4648Vectors) {
    EXPECT_EQ(Digest::base64(""), "");
    EXPECT_EQ(Digest::base64("f"), "Zg==");
    EXPECT_EQ(Digest::base64("fo"), "Zm8=");
    EXPECT_EQ(Digest::base64("foo"), "Zm9v");
    EXPECT_EQ(Digest::base64("foob"), "Zm9vYg==");
    EXPECT_EQ(Digest::base64("fooba"), "Zm9vYmE=");
    EXPECT_EQ(Digest::base64("foobar"), "Zm9vYmFy");
    EXPECT_EQ(Digest::base64("\xfb\xff"), "+/8=");
}

TEST(DigestTest, Base64DecodeAcceptsPaddedAndUnpadded) {
    EXPECT_EQ(Digest::base64Decode(""), "");
    EXPECT_EQ(Digest::base64Decode("Zg=="), "f");
    EXPECT_EQ(Digest::base64Decode("Zg"), "f");
    EXPECT_EQ(Digest::base64Decode("Zm8="), "fo");
    EXPECT_EQ(Digest::base64Decode("Zm8"), "fo");
    EXPECT_EQ(Digest::base64Decode("Zm9vYmFy"), "foobar");
    EXPECT_EQ(Digest::base64Decode("+/8="), "\xfb\xff");
}

TEST(DigestTest, Base64DecodeRejectsMalformedInput) {
    EXPECT_EQ(Digest::base64Decode("Z"), std::nullopt);        // a lone character cannot carry a byte
    EXPECT_EQ(Digest::base64Decode("Zg="), std::nullopt);      // padded but not a multiple of four
    EXPECT_EQ(Digest::base64Decode("Zm9vY==="), std::nullopt); // three padding characters
    EXPECT_EQ(Digest::base64Decode("===="), std::nullopt);
    EXPECT_EQ(Digest::base64Decode("Zg==Zg=="), std::nullopt); // padding in the middle
    EXPECT_EQ(Digest::base64Decode("Zm 9v"), std::nullopt);
    EXPECT_EQ(Digest::base64Decode("Zm9v\n"), std::nullopt);
    EXPECT_EQ(Digest::base64Decode("Zm9-"), std::nullopt);     // base64url alphabet is not accepted
    EXPECT_EQ(Digest::base64Decode("Zh=="), std::nullopt);     // non-zero unused bits: not the canonical "Zg=="
}

TEST(DigestTest, Base64RoundTripsEveryByteValue) {
    std::string all;
    for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
    for (std::size_t length = 0; length <= all.size(); length += 37) {
        const std::string bytes = all.substr(0, length);
        EXPECT_EQ(Digest::base64Decode(Digest::base64(bytes)), bytes) << "length " << length;
    }
    EXPECT_EQ(Digest::base64Decode(Digest::base64(all)), all);
}

TEST(DigestTest, ConstantTimeEqualsComparesContentAndLength) {
    EXPECT_TRUE(Digest::constantTimeEquals("", ""));
    EXPECT_TRUE(Digest::constantTimeEquals("secret-token", "secret-token"));
    EXPECT_FALSE(Digest::constantTimeEquals("secret-token", "secret-tokeN"));
    EXPECT_FALSE(Digest::constantTimeEquals("secret", "secret-token"));
    EXPECT_FALSE(Digest::constantTimeEquals("", "x"));
    EXPECT_FALSE(Digest::constantTimeEquals(std::string("a\0b", 3), std::string("a\0c", 3)));
}
