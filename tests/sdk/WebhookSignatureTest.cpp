#include "switchboard/sdk/Webhook.h"

#include <gtest/gtest.h>

#include <string>

using switchboard::sdk::Headers;
using switchboard::sdk::WebhookSecret;
using switchboard::sdk::WebhookSignature;

namespace {

// The example of the Standard Webhooks specification.
const WebhookSecret SpecSecret = WebhookSecret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
const std::string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
constexpr std::int64_t SpecTimestamp = 1614265330;
const std::string SpecBody = R"({"test": 2432232314})";
const std::string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

bool verifySpec(const std::string& signatureHeader, const std::string& body = SpecBody,
                std::int64_t nowS = SpecTimestamp) {
    return WebhookSignature::verify(SpecSecret, SpecId, std::to_string(SpecTimestamp), signatureHeader, body, nowS);
}

} // namespace

TEST(WebhookSignatureTest, V1MatchesTheSpecificationsExample) {
    EXPECT_EQ(WebhookSignature::v1(SpecSecret, SpecId, SpecTimestamp, SpecBody), SpecSignature);
}

TEST(WebhookSignatureTest, HeadersCarryIdTimestampAndBothSignatures) {
    const Headers headers = WebhookSignature::headers(SpecSecret, SpecId, SpecTimestamp, SpecBody);
    const Headers expected = {
        {"webhook-id", SpecId},
        {"webhook-timestamp", "1614265330"},
        {"webhook-signature", SpecSignature},
        // openssl dgst -sha256 -mac HMAC -macopt hexkey:<the decoded key> over the body.
        {"X-Switchboard-Signature", "sha256=e2cb4f5251572539d458bfb8a7adb533b08801e6a794467e06f771debbb0818b"},
    };
    EXPECT_EQ(headers, expected);
}

TEST(WebhookSignatureTest, HexSignatureUsesAPlainSecretsBytesAsKey) {
    const Headers headers = WebhookSignature::headers(WebhookSecret::parse("this is a plain secret"), "id", 1, "hello");
    EXPECT_EQ(headers.back().second, "sha256=5b006a04730f27e5002bf5606537f4ee548706964d55fc04a34ed2be72aa48fb");
}

TEST(WebhookSignatureTest, VerifyAcceptsTheSpecificationsExample) { EXPECT_TRUE(verifySpec(SpecSignature)); }

TEST(WebhookSignatureTest, VerifyRejectsATamperedBody) {
    EXPECT_FALSE(verifySpec(SpecSignature, R"({"test": 2432232315})"));
}

TEST(WebhookSignatureTest, VerifyRejectsAWrongOrMalformedSignature) {
    EXPECT_FALSE(verifySpec("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OF="));
    EXPECT_FALSE(verifySpec("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    EXPECT_FALSE(verifySpec("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    EXPECT_FALSE(verifySpec("v1,g0hM9SsE"));
    EXPECT_FALSE(verifySpec(""));
}

TEST(WebhookSignatureTest, VerifyRejectsAnotherSecret) {
    const WebhookSecret other = WebhookSecret::parse("whsec_MDEyMzQ1Njc4OWFiY2RlZg==");
    EXPECT_FALSE(WebhookSignature::verify(other, SpecId, "1614265330", SpecSignature, SpecBody, SpecTimestamp));
}

TEST(WebhookSignatureTest, VerifyAcceptsAnyOfSeveralSignatures) {
    EXPECT_TRUE(verifySpec("v1,b2xkIHNpZ25hdHVyZQ== " + SpecSignature));
    EXPECT_TRUE(verifySpec(SpecSignature + " v1a,c29tZXRoaW5nIGVsc2U="));
    EXPECT_FALSE(verifySpec("v1,b2xkIHNpZ25hdHVyZQ== v1a,c29tZXRoaW5nIGVsc2U="));
}

TEST(WebhookSignatureTest, VerifyChecksTheTimestampTolerance) {
    EXPECT_TRUE(verifySpec(SpecSignature, SpecBody, SpecTimestamp + 300));
    EXPECT_TRUE(verifySpec(SpecSignature, SpecBody, SpecTimestamp - 300));
    EXPECT_FALSE(verifySpec(SpecSignature, SpecBody, SpecTimestamp + 301));
    EXPECT_FALSE(verifySpec(SpecSignature, SpecBody, SpecTimestamp - 301));
    EXPECT_TRUE(WebhookSignature::verify(SpecSecret, SpecId, "1614265330", SpecSignature, SpecBody,
                                         SpecTimestamp + 1000, 1000));
}

TEST(WebhookSignatureTest, VerifyRejectsAMalformedTimestamp) {
    const auto verifyWith = [](const std::string& timestamp) {
        return WebhookSignature::verify(SpecSecret, SpecId, timestamp, SpecSignature, SpecBody, SpecTimestamp);
    };
    EXPECT_FALSE(verifyWith(""));
    EXPECT_FALSE(verifyWith("1614265330x"));
    EXPECT_FALSE(verifyWith("-1614265330"));
    EXPECT_FALSE(verifyWith("99999999999999999999999"));
}

TEST(WebhookSignatureTest, WhatIsSignedRoundTrips) {
    const WebhookSecret secret = WebhookSecret::parse("a plain secret of some length");
    const std::string signature = WebhookSignature::v1(secret, "delivery-1", 1700000000, "{}");
    EXPECT_TRUE(WebhookSignature::verify(secret, "delivery-1", "1700000000", signature, "{}", 1700000010));
    EXPECT_FALSE(WebhookSignature::verify(secret, "delivery-2", "1700000000", signature, "{}", 1700000010));
}
