#include "core/realtime/EnginePayload.h"

#include <gtest/gtest.h>

using switchboard::core::realtime::EnginePayload;

TEST(EnginePayloadTest, JoinsAndSplitsPacketsOnTheRecordSeparator) {
    const std::vector<std::string> packets{"4hello", "2", "42[\"event\",{\"a\":\"é\"}]"};
    const auto body = EnginePayload::encode(packets);
    EXPECT_EQ(body, "4hello\x1e" "2\x1e" "42[\"event\",{\"a\":\"é\"}]");
    EXPECT_EQ(EnginePayload::decode(body), packets);
    EXPECT_EQ(EnginePayload::decode("3"), std::vector<std::string>{"3"});
    EXPECT_EQ(EnginePayload::encode({}), "");
}

TEST(EnginePayloadTest, RefusesEmptyBinaryAndInvalidPackets) {
    EXPECT_THROW(EnginePayload::decode(""), EnginePayload::ParseError);
    EXPECT_THROW(EnginePayload::decode("4a\x1e"), EnginePayload::ParseError);
    EXPECT_THROW(EnginePayload::decode("\x1e" "4a"), EnginePayload::ParseError);
    EXPECT_THROW(EnginePayload::decode("bAQID"), EnginePayload::ParseError);
    EXPECT_THROW(EnginePayload::decode("4\xc3\x28"), EnginePayload::ParseError);
}
