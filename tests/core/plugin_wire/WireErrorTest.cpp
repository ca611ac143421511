#include "core/plugin_wire/WireError.h"

#include <gtest/gtest.h>

using switchboard::core::plugin_wire::ErrorCode;
using switchboard::core::plugin_wire::WireError;

TEST(WireErrorTest, PutsTheFieldInFrontOfTheMessage) {
    const WireError error(ErrorCode::BadRequest, "must be a string", "params.instance");
    EXPECT_STREQ(error.what(), "'params.instance' must be a string");
    EXPECT_EQ(error.message(), "must be a string");
    EXPECT_EQ(error.field(), "params.instance");
    EXPECT_EQ(error.callId(), std::nullopt);
}

TEST(WireErrorTest, IsTheMessageAloneWithoutAField) {
    EXPECT_STREQ(WireError(ErrorCode::BadRequest, "the message is not JSON").what(), "the message is not JSON");
}

TEST(WireErrorTest, CarriesTheCallItIsIn) {
    const auto error = WireError(ErrorCode::UnknownMethod, "names no method", "method").inCall(7);
    EXPECT_EQ(error.callId(), 7);
    EXPECT_EQ(error.code(), ErrorCode::UnknownMethod);
    EXPECT_STREQ(error.what(), "'method' names no method");
}
