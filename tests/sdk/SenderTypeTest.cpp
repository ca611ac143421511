#include <switchboard/sdk/SenderType.h>

#include <gtest/gtest.h>

#include <string>

namespace sdk = switchboard::sdk;
using sdk::SenderType;

namespace {

TEST(SenderTypeTest, EveryTypeHasItsWireNameAndBack) {
    const std::pair<SenderType, std::string> types[] = {
        {SenderType::Visitor, "visitor"}, {SenderType::Agent, "agent"},
        {SenderType::Bot, "bot"},         {SenderType::System, "system"},
    };
    for (const auto& [type, name] : types) {
        EXPECT_EQ(sdk::toString(type), name);
        EXPECT_EQ(sdk::senderTypeFromString(name), type) << name;
    }
}

TEST(SenderTypeTest, AnUnknownNameIsNoType) {
    EXPECT_EQ(sdk::senderTypeFromString("operator"), std::nullopt);
    EXPECT_EQ(sdk::senderTypeFromString("Agent"), std::nullopt);
}

} // namespace
