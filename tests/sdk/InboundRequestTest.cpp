#include "switchboard/sdk/Inbound.h"

#include <gtest/gtest.h>

using switchboard::sdk::InboundRequest;

TEST(InboundRequestTest, HeaderIsFoundIgnoringCase) {
    InboundRequest request;
    request.headers = {{"X-Twilio-Signature", "sig"}, {"x-twilio-signature", "second"}};
    EXPECT_EQ(request.header("x-twilio-signature"), "sig");
    EXPECT_EQ(request.header("X-TWILIO-SIGNATURE"), "sig");
    EXPECT_EQ(request.header("Authorization"), std::nullopt);
}
