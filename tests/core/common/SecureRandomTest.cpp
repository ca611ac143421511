#include "core/common/SecureRandom.h"

#include "core/common/Digest.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <stdexcept>

using switchboard::core::common::Digest;
using switchboard::core::common::SecureRandom;

namespace {

bool isBase64UrlChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

} // namespace

TEST(SecureRandomTest, DefaultTokenIs32BytesOfUnpaddedBase64Url) {
    const std::string token = SecureRandom::token();
    EXPECT_EQ(token.size(), 43u);
    EXPECT_TRUE(std::all_of(token.begin(), token.end(), isBase64UrlChar)) << token;
}

TEST(SecureRandomTest, TokenEncodesExactlyTheRequestedBytes) {
    for (std::size_t bytes = 1; bytes <= 40; ++bytes) {
        std::string token = SecureRandom::token(bytes);
        EXPECT_EQ(token.size(), (bytes * 4 + 2) / 3) << bytes;
        EXPECT_TRUE(std::all_of(token.begin(), token.end(), isBase64UrlChar)) << token;
        std::replace(token.begin(), token.end(), '-', '+');
        std::replace(token.begin(), token.end(), '_', '/');
        const auto decoded = Digest::base64Decode(token);
        ASSERT_TRUE(decoded.has_value()) << token;
        EXPECT_EQ(decoded->size(), bytes);
    }
}

TEST(SecureRandomTest, TokensDoNotRepeat) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) seen.insert(SecureRandom::token(16));
    EXPECT_EQ(seen.size(), 1000u);
}

TEST(SecureRandomTest, TokenOfZeroBytesIsRefused) {
    EXPECT_THROW(SecureRandom::token(0), std::invalid_argument);
}

TEST(SecureRandomTest, Uuid4IsLowercaseCanonicalVersion4) {
    const std::regex canonical("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    std::set<std::string> seen;
    std::set<char> variants;
    for (int i = 0; i < 500; ++i) {
        const std::string uuid = SecureRandom::uuid4();
        ASSERT_TRUE(std::regex_match(uuid, canonical)) << uuid;
        seen.insert(uuid);
        variants.insert(uuid[19]);
    }
    EXPECT_EQ(seen.size(), 500u);
    // The variant field keeps two random bits; all four values turn up in 500 draws.
    EXPECT_EQ(variants, (std::set<char>{'8', '9', 'a', 'b'}));
}
