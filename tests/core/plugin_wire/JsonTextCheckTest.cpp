#include "core/plugin_wire/JsonTextCheck.h"

#include "core/plugin_wire/WireError.h"

#include <gtest/gtest.h>

#include <string>

using switchboard::core::plugin_wire::JsonTextCheck;
using switchboard::core::plugin_wire::WireError;

TEST(JsonTextCheckTest, TakesIntegersAtTheEdgesOf64Bits) {
    EXPECT_NO_THROW(JsonTextCheck::check(R"({"a":9223372036854775807,"b":-9223372036854775808,"c":0})"));
}

TEST(JsonTextCheckTest, RefusesIntegersBeyond64Bits) {
    // Poco's parser would read these as 9223372036854775808 (unsigned), 1, and -9223372036854775808.
    EXPECT_THROW(JsonTextCheck::check(R"({"a":9223372036854775808})"), WireError);
    EXPECT_THROW(JsonTextCheck::check(R"({"a":18446744073709551617})"), WireError);
    EXPECT_THROW(JsonTextCheck::check(R"({"a":-9223372036854775809})"), WireError);
    EXPECT_THROW(JsonTextCheck::check(R"({"a":[1,99999999999999999999999]})"), WireError);
}

TEST(JsonTextCheckTest, LeavesFractionsToTheFieldsThatRefuseThem) {
    EXPECT_NO_THROW(JsonTextCheck::check(R"({"a":1.5,"b":1e3,"c":-99999999999999999999.5})"));
}

TEST(JsonTextCheckTest, LooksAtNoDigitsInsideStrings) {
    EXPECT_NO_THROW(JsonTextCheck::check(R"({"99999999999999999999":"99999999999999999999 \" 99999999999999999999"})"));
}

TEST(JsonTextCheckTest, RefusesAnEscapedNulInAValueOrAKey) {
    EXPECT_THROW(JsonTextCheck::check(R"({"a":"x\u0000"})"), WireError);
    EXPECT_THROW(JsonTextCheck::check(R"({"a\u0000b":1})"), WireError);
}

TEST(JsonTextCheckTest, TakesAnEscapedBackslashBeforeU0000) {
    EXPECT_NO_THROW(JsonTextCheck::check(R"({"a":"\\u0000"})"));
}

TEST(JsonTextCheckTest, RefusesTextThatIsNotUtf8) {
    EXPECT_THROW(JsonTextCheck::check("{\"a\":\"\xff\"}"), WireError);
    EXPECT_THROW(JsonTextCheck::check("{\"a\":\"\xed\xa0\x80\"}"), WireError); // a surrogate
}
