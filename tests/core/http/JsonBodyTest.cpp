#include "core/common/ApiError.h"
#include "core/http/JsonBody.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using namespace switchboard::core;

namespace {

http::HttpRequest requestWith(std::optional<std::string> contentType, std::string body) {
    http::HttpRequest request;
    request.method = "POST";
    request.path = "/api/agents";
    if (contentType) request.headers.add("Content-Type", *contentType);
    request.body = std::move(body);
    return request;
}

/// "read", or the code reading fails with.
std::string outcome(std::optional<std::string> contentType, std::string body) {
    try {
        http::JsonBody::read(requestWith(std::move(contentType), std::move(body)));
        return "read";
    } catch (const common::ApiError& error) {
        return std::to_string(error.status()) + " " + error.code();
    }
}

TEST(JsonBodyTest, ReadsABodySentAsJson) {
    const auto body = http::JsonBody::read(requestWith("application/json", R"({"email": "a@example.com"})"));
    EXPECT_EQ(body.requireString("email"), "a@example.com");
    EXPECT_EQ(outcome("application/json; charset=utf-8", "{}"), "read");
    EXPECT_EQ(outcome("Application/JSON ;charset=UTF-8", "{}"), "read");
    EXPECT_EQ(outcome(std::nullopt, ""), "read") << "no body at all reads as {}";
}

TEST(JsonBodyTest, RefusesABodyOfAnyOtherType) {
    // What an HTML form can send: none of them may reach a JSON endpoint.
    EXPECT_EQ(outcome("text/plain", R"({"email": "a@example.com", "x": "="})"), "415 unsupported_media_type");
    EXPECT_EQ(outcome("application/x-www-form-urlencoded", "email=a"), "415 unsupported_media_type");
    EXPECT_EQ(outcome("multipart/form-data; boundary=x", "--x--"), "415 unsupported_media_type");
    EXPECT_EQ(outcome("text/plain", ""), "415 unsupported_media_type");
    EXPECT_EQ(outcome(std::nullopt, "{}"), "415 unsupported_media_type");
    EXPECT_EQ(outcome("application/jsonx", "{}"), "415 unsupported_media_type");
}

TEST(JsonBodyTest, RefusesABodyThatIsNotAJsonObject) {
    EXPECT_EQ(outcome("application/json", "[1]"), "400 invalid_json");
    EXPECT_EQ(outcome("application/json", "{"), "400 invalid_json");
}

} // namespace
