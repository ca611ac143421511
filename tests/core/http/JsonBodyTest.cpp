#include "core/http/JsonBody.h"

#include "core/common/ApiError.h"

#include <gtest/gtest.h>

#include <functional>

using switchboard::core::common::ApiError;
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

} // namespace

TEST(JsonBodyTest, EmptyTextIsAnEmptyObject) {
    EXPECT_EQ(JsonBody::parse(" \r\n").object()->size(), 0u);
}

TEST(JsonBodyTest, AnythingButOneObjectIsInvalidJson) {
    for (const std::string text : {"[]", "1", "\"x\"", "{", "{\"a\":}", "{}}"})
        EXPECT_EQ(parsing(text), "400/invalid_json") << text;
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
