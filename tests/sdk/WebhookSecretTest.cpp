#include "switchboard/sdk/Webhook.h"

#include <gtest/gtest.h>

#include <string>

using switchboard::sdk::Error;
using switchboard::sdk::WebhookSecret;

namespace {

/// The message parse throws for `text`, which must throw.
std::string parseError(const std::string& text) {
    try {
        WebhookSecret::parse(text);
    } catch (const Error& error) {
        return error.what();
    }
    ADD_FAILURE() << "parse accepted a bad secret";
    return {};
}

} // namespace

TEST(WebhookSecretTest, StandardSecretIsTheDecodedBase64) {
    const WebhookSecret secret = WebhookSecret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    EXPECT_EQ(secret.key(), std::string("\x31\xf2\x90\xf6\xbf\x06\x29\x8a\xab\x4f\x08\xd4"
                                        "\x3c\x3f\x08\x2c\xf6\x48\xa3\x62\xda\x2d\xa4\xb0",
                                        24));
}

TEST(WebhookSecretTest, PlainSecretOfSixteenCharactersIsItsOwnKey) {
    EXPECT_EQ(WebhookSecret::parse("0123456789abcdef").key(), "0123456789abcdef");
    EXPECT_EQ(WebhookSecret::parse("this is a plain secret").key(), "this is a plain secret");
}

TEST(WebhookSecretTest, PlainSecretShorterThanSixteenCharactersIsRefused) {
    EXPECT_THROW(WebhookSecret::parse("0123456789abcde"), Error);
    EXPECT_THROW(WebhookSecret::parse(""), Error);
}

TEST(WebhookSecretTest, MalformedBase64IsRefused) {
    EXPECT_THROW(WebhookSecret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS"), Error);    // length not a multiple of 4
    EXPECT_THROW(WebhookSecret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS!"), Error);   // not in the alphabet
    EXPECT_THROW(WebhookSecret::parse("whsec_MfKQ9r8GKYqr=wjUPD8ILPZIo2LaLaSw"), Error);   // padding in the middle
    EXPECT_THROW(WebhookSecret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n"), Error); // trailing line break
}

TEST(WebhookSecretTest, StandardSecretWithAShortKeyIsRefused) {
    // 15 bytes of key, although the text is longer than 16 characters.
    EXPECT_THROW(WebhookSecret::parse("whsec_MDEyMzQ1Njc4OWFiY2Rl"), Error);
    EXPECT_EQ(WebhookSecret::parse("whsec_MDEyMzQ1Njc4OWFiY2RlZg==").key(), "0123456789abcdef");
}

TEST(WebhookSecretTest, ErrorsNeverQuoteTheSecret) {
    const std::string plain = "tooShortSecret";
    EXPECT_EQ(parseError(plain).find(plain), std::string::npos);
    const std::string encoded = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS!";
    EXPECT_EQ(parseError("whsec_" + encoded).find("MfKQ9r8G"), std::string::npos);
    EXPECT_EQ(parseError("whsec_MDEyMzQ1Njc4OWFiY2Rl").find("MDEyMzQ1"), std::string::npos);
}
