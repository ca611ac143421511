#include "core/common/OversizedIntegers.h"

#include <gtest/gtest.h>

using switchboard::core::common::OversizedIntegers;

TEST(OversizedIntegersTest, IntegersOutside64BitsBecomeDoubles) {
    EXPECT_EQ(OversizedIntegers::widen(R"([18446744073709551616,-9223372036854775809])"),
              R"([18446744073709551616.0,-9223372036854775809.0])");
}

TEST(OversizedIntegersTest, EverythingElseIsCopiedUnchanged) {
    for (const auto* json : {R"({"n":18446744073709551615,"m":-9223372036854775808,"k":0})",
                             R"([1e400,-1.5,99999999999999999999.5])", R"({"t":"18446744073709551616"})",
                             R"({"t":"a \" 18446744073709551616"})", R"(not json 7)"}) {
        EXPECT_EQ(OversizedIntegers::widen(json), json) << json;
    }
}
