#include "switchboard/sdk/HttpClient.h"

#include <gtest/gtest.h>

using switchboard::sdk::Error;
using switchboard::sdk::HttpError;
using switchboard::sdk::HttpResponse;

TEST(HttpResponseTest, HeaderIsFoundIgnoringCase) {
    HttpResponse response;
    response.headers = {{"Content-Type", "application/json"}, {"X-Request-Id", "abc"}};
    EXPECT_EQ(response.header("content-type"), "application/json");
    EXPECT_EQ(response.header("X-REQUEST-ID"), "abc");
    EXPECT_EQ(response.header("Retry-After"), std::nullopt);
}

TEST(HttpResponseTest, HeaderIsTheFirstOfThatName) {
    HttpResponse response;
    response.headers = {{"set-cookie", "a=1"}, {"Set-Cookie", "b=2"}};
    EXPECT_EQ(response.header("Set-Cookie"), "a=1");
}

TEST(HttpResponseTest, HttpErrorIsAnSdkErrorWithAKind) {
    try {
        throw HttpError(HttpError::Kind::Timeout, "too slow");
    } catch (const Error& error) {
        EXPECT_STREQ(error.what(), "too slow");
        ASSERT_NE(dynamic_cast<const HttpError*>(&error), nullptr);
        EXPECT_EQ(dynamic_cast<const HttpError&>(error).kind(), HttpError::Kind::Timeout);
    }
}
