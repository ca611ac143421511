#include <switchboard/sdk/Plugin.h>

#include <gtest/gtest.h>

#include <string>

namespace sdk = switchboard::sdk;

// Declared exactly as a plugin declares itself, so that the test reads what the host reads from a plugin built
// against this SDK.
SWITCHBOARD_PLUGIN_INFO("versioned", "2.0.0", "Declared as every plugin declares itself")

namespace {

TEST(VersionTest, APluginBuiltAgainstThisSdkDeclaresApiVersionTwo) {
    const sdk::PluginInfoFunction declared = &switchboard_plugin_info;
    const auto* info = declared();
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(sdk::ApiVersion, 2);
    EXPECT_EQ(info->apiVersion, 2);
    EXPECT_EQ(std::string(info->name), "versioned");
    EXPECT_EQ(info->pocoVersion, POCO_VERSION);
}

TEST(VersionTest, ChannelsAreExportedInTheVersionTwoManifest) {
    EXPECT_EQ(std::string(sdk::ChannelManifest), "ChannelV2");
}

} // namespace
