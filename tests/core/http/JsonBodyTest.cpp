#include "core/http/JsonBody.h"

#include "core/common/ApiError.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

using switchboard::core::common::ApiError;
using switchboard::core::http::HttpRequest;
using switchboard::core::http::JsonBody;

namespace {

/// "<status>/<code>" of the ApiError `call` throws, "ok" when it throws none.
std::string outcome(const std::function<void()>& call) {
    try {
        call();
        return "ok";
    } catch (const ApiError& error) {
        return std::to_string(error.status()) + "/" + error.code();
    }
}

std::string parsing(const std::string& text) {
    return outcome([&] { JsonBody::parse(text); });
}

HttpRequest requestWith(std::optional<std::string> contentType, std::string body) {
    HttpRequest request;
    request.method = "POST";
    request.path = "/api/agents";
    if (contentType) request.headers.add("Content-Type", *contentType);
    request.body = std::move(body);
    return request;
}

std::string reading(std::optional<std::string> contentType, std::string body) {
    return outcome([&] { JsonBody::read(requestWith(std::move(contentType), std::move(body))); });
}

} // namespace

TEST(JsonBodyTest, EmptyTextIsAnEmptyObject) {
    EXPECT_EQ(JsonBody::parse(" \r\n").object()->size(), 0u);
}

TEST(JsonBodyTest, AnythingButOneObjectIsInvalidJson) {
    for (const std::string text : {"[]", "1", "\"x\"", "{", "{\"a\":}", "{} x", "{}}"})
        EXPECT_EQ(parsing(text), "400/invalid_json") << text;
}

TEST(JsonBodyTest, TextThatIsNotUtf8IsInvalidJson) {
    // A 0xFF byte once ended the parse early, so that what followed it was never read.
    EXPECT_EQ(parsing("{\"a\":1}\xff trailing"), "400/invalid_json");
    EXPECT_EQ(parsing("{\"a\":\"\xc3\"}"), "400/invalid_json");
    EXPECT_EQ(parsing("{\"a\":\"\xed\xa0\x80\"}"), "400/invalid_json");
    EXPECT_EQ(parsing("{\"a\":\"\xc3\xa9\"}"), "ok");
}

TEST(JsonBodyTest, IntegerBeyondSixtyFourBitsIsAnInvalidField) {
    const auto body = JsonBody::parse(R"({"n":9223372036854775808,"m":9223372036854775807,"k":-9223372036854775808})");
    EXPECT_EQ(outcome([&] { body.optInteger("n"); }), "400/invalid_field");
    EXPECT_EQ(body.optInteger("m"), INT64_MAX);
    EXPECT_EQ(body.optInteger("k"), INT64_MIN);
}

TEST(JsonBodyTest, IntegersPocoWouldWrapAreInvalidFields) {
    // POCO reads 2^64 + 1 as 1 and -2^63 - 1 as -2^63 without a word.
    for (const auto* text : {R"({"n":18446744073709551617})", R"({"n":-9223372036854775809})"}) {
        EXPECT_EQ(outcome([&] { JsonBody::parse(text).optInteger("n"); }), "400/invalid_field") << text;
    }
}

TEST(JsonBodyTest, TrueOrFalseIsNoInteger) {
    // Poco's Var calls a boolean an integer.
    for (const auto* text : {R"({"n":true})", R"({"n":false})"}) {
        EXPECT_EQ(outcome([&] { JsonBody::parse(text).optInteger("n"); }), "400/invalid_field") << text;
    }
}

TEST(JsonBodyTest, RequireAnyOfAcceptsOneKeyPresentEvenAsNull) {
    EXPECT_EQ(outcome([] { JsonBody::parse(R"({"subject":null})").requireAnyOf({"priority", "subject"}); }), "ok");
    EXPECT_EQ(outcome([] { JsonBody::parse(R"({"priority":"low"})").requireAnyOf({"priority", "subject"}); }), "ok");
}

TEST(JsonBodyTest, RequireAnyOfRefusesABodyWithNoneOfTheKeys) {
    for (const std::string text : {"{}", R"({"colour":"red"})"}) {
        const auto refusal = outcome([&] { JsonBody::parse(text).requireAnyOf({"priority", "subject"}); });
        EXPECT_EQ(refusal, "422/validation_failed") << text;
    }
    try {
        JsonBody::parse("{}").requireAnyOf({"priority", "subject"});
    } catch (const ApiError& error) {
        EXPECT_NE(std::string(error.what()).find("priority, subject"), std::string::npos) << error.what();
    }
}

TEST(JsonBodyTest, ReadsABodySentAsJson) {
    const auto body = JsonBody::read(requestWith("application/json", R"({"email": "a@example.com"})"));
    EXPECT_EQ(body.requireString("email"), "a@example.com");
    EXPECT_EQ(reading("application/json; charset=utf-8", "{}"), "ok");
    EXPECT_EQ(reading("Application/JSON ;charset=UTF-8", "{}"), "ok");
    EXPECT_EQ(reading(std::nullopt, ""), "ok") << "no body at all reads as {}";
}

TEST(JsonBodyTest, RefusesABodyOfAnyOtherType) {
    // What an HTML form can send: none of them may reach a JSON endpoint.
    EXPECT_EQ(reading("text/plain", R"({"email": "a@example.com", "x": "="})"), "415/unsupported_media_type");
    EXPECT_EQ(reading("application/x-www-form-urlencoded", "email=a"), "415/unsupported_media_type");
    EXPECT_EQ(reading("multipart/form-data; boundary=x", "--x--"), "415/unsupported_media_type");
    EXPECT_EQ(reading("text/plain", ""), "415/unsupported_media_type");
    EXPECT_EQ(reading(std::nullopt, "{}"), "415/unsupported_media_type");
    EXPECT_EQ(reading("application/jsonx", "{}"), "415/unsupported_media_type");
}
