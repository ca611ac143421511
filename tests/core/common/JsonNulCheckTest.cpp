#include "core/common/ApiError.h"
#include "core/common/JsonNulCheck.h"

#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <string>

using namespace switchboard::core::common;

namespace {

/// "ok", or the field the check names.
std::string outcome(const std::string& json) {
    try {
        JsonNulCheck::refuse(Poco::JSON::Parser().parse(json));
        return "ok";
    } catch (const ApiError& error) {
        EXPECT_EQ(error.status(), 422);
        EXPECT_EQ(error.code(), "validation_failed");
        return error.field().value_or("(none)");
    }
}

TEST(JsonNulCheckTest, AdmitsTextWithoutU0000) {
    EXPECT_EQ(outcome(R"({"text": "caf\u00e9 \u0001", "n": 0, "ok": true, "none": null, "list": ["a"]})"), "ok");
}

TEST(JsonNulCheckTest, NamesTheFieldThatHoldsU0000) {
    EXPECT_EQ(outcome(R"({"text": "before\u0000after"})"), "text");
    EXPECT_EQ(outcome(R"({"name": "Ada", "custom": {"plan": "pro\u0000"}})"), "custom.plan");
    EXPECT_EQ(outcome(R"({"tags": ["a", "\u0000"]})"), "tags[1]");
    EXPECT_EQ(outcome(R"({"methods": [{"name": "x", "settings": {"url": "\u0000"}}]})"), "methods[0].settings.url");
    EXPECT_EQ(outcome(R"(["ok", "\u0000"])"), "[1]");
}

TEST(JsonNulCheckTest, ABareStringNamesNoField) {
    try {
        JsonNulCheck::refuse(Poco::Dynamic::Var(std::string("a\0b", 3)));
        FAIL() << "U+0000 admitted";
    } catch (const ApiError& error) {
        EXPECT_EQ(error.status(), 422);
        EXPECT_FALSE(error.field());
    }
}

} // namespace
