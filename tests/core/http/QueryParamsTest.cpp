#include "core/http/QueryParams.h"

#include "core/common/ApiError.h"

#include <gtest/gtest.h>

using switchboard::core::common::ApiError;
using switchboard::core::http::HttpRequest;
using switchboard::core::http::QueryParams;

namespace {

HttpRequest withQuery(const std::string& name, const std::string& value) {
    HttpRequest request;
    request.query[name] = value;
    return request;
}

/// "400/invalid_field/<field>" for a refused value, "ok" otherwise.
std::string outcome(const HttpRequest& request, const std::string& name, std::int64_t minimum) {
    try {
        QueryParams::optInteger(request, name, minimum);
        return "ok";
    } catch (const ApiError& error) {
        return std::to_string(error.status()) + "/" + error.code() + "/" + error.field().value_or("");
    }
}

} // namespace

TEST(QueryParamsTest, AbsentOrEmptyIntegerIsNullopt) {
    EXPECT_EQ(QueryParams::optInteger(HttpRequest{}, "after_seq"), std::nullopt);
    EXPECT_EQ(QueryParams::optInteger(withQuery("after_seq", ""), "after_seq"), std::nullopt);
}

TEST(QueryParamsTest, IntegerDefaultsToNonNegative) {
    EXPECT_EQ(QueryParams::optInteger(withQuery("after_seq", "0"), "after_seq"), 0);
    EXPECT_EQ(outcome(withQuery("after_seq", "-1"), "after_seq", 0), "400/invalid_field/after_seq");
}

TEST(QueryParamsTest, IntegerBelowItsMinimumIsRefusedNamingTheParameter) {
    EXPECT_EQ(outcome(withQuery("before_seq", "0"), "before_seq", 1), "400/invalid_field/before_seq");
    EXPECT_EQ(QueryParams::optInteger(withQuery("before_seq", "1"), "before_seq", 1), 1);
}

TEST(QueryParamsTest, NonIntegerIsRefused) {
    EXPECT_EQ(outcome(withQuery("before_seq", "1x"), "before_seq", 1), "400/invalid_field/before_seq");
    EXPECT_EQ(outcome(withQuery("before_seq", "x"), "before_seq", 1), "400/invalid_field/before_seq");
}
