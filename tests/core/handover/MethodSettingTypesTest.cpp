#include "core/handover/MethodSettingTypes.h"

#include <gtest/gtest.h>

using switchboard::core::handover::MethodSettingTypes;
using Type = MethodSettingTypes::Type;

namespace {

const MethodSettingTypes Types([](const std::string& channel) {
    if (channel != "crm") return std::vector<switchboard::sdk::SettingDescription>{};
    return std::vector<switchboard::sdk::SettingDescription>{
        {"target", "", true, Type::HttpUrl}, {"hmac", "", true, Type::Secret}, {"token_label", "", false, Type::Text}};
});

TEST(MethodSettingTypesTest, ADescribedSettingIsWhatItsChannelSaysWhateverItsName) {
    EXPECT_EQ(Types.typeOf("crm", "target"), Type::HttpUrl);
    EXPECT_EQ(Types.typeOf("crm", "hmac"), Type::Secret);
    EXPECT_EQ(Types.typeOf("crm", "token_label"), Type::Text);
}

TEST(MethodSettingTypesTest, ASettingItsChannelDoesNotDescribeFallsBackOnItsName) {
    for (const auto* key : {"secret", "api_key", "password", "access_token"})
        EXPECT_EQ(Types.typeOf("crm", key), Type::Secret) << key;
    EXPECT_EQ(Types.typeOf("crm", "url"), Type::HttpUrl);
    EXPECT_EQ(Types.typeOf("crm", "status_url"), Type::HttpUrl);
    EXPECT_EQ(Types.typeOf("crm", "team"), Type::Text);
    EXPECT_EQ(Types.typeOf("unknown-instance", "url"), Type::HttpUrl);
    EXPECT_EQ(Types.typeOf("unknown-instance", "urls"), Type::Text);
}

} // namespace
