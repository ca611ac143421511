#include "core/plugin_host/PluginCompatibility.h"

#include <gtest/gtest.h>

using switchboard::core::plugin_host::PluginCompatibility;
namespace sdk = switchboard::sdk;

namespace {

sdk::PluginInfo gccBuild(int gccMajor, int cxx11Abi = 1, unsigned long poco = 0x010B0000) {
    return {sdk::ApiVersion, "echo", "1.0.0", "", gccMajor, cxx11Abi, poco};
}

TEST(PluginCompatibilityTest, AcceptsAPluginBuiltLikeTheHub) {
    const auto host = PluginCompatibility::hostBuild();
    EXPECT_EQ(host.apiVersion, sdk::ApiVersion);
    EXPECT_EQ(host.pocoVersion, POCO_VERSION);
    EXPECT_EQ(PluginCompatibility::refusal(host, host), std::nullopt);
}

TEST(PluginCompatibilityTest, RefusesAnotherPluginApiBeforeReadingAnythingElse) {
    sdk::PluginInfo future{3, nullptr, nullptr, nullptr, 99, 7, 0};
    EXPECT_EQ(PluginCompatibility::refusal(future, gccBuild(12)),
              "built for plugin API 3, this hub speaks 2: rebuild it against SDK version 2");
}

TEST(PluginCompatibilityTest, RefusesAVersionOnePluginSayingToRebuildIt) {
    sdk::PluginInfo versionOne{1, "legacy", "1.0.0", "", 12, 1, 0x010B0000};
    EXPECT_EQ(PluginCompatibility::refusal(versionOne, PluginCompatibility::hostBuild()),
              "built for plugin API 1, this hub speaks 2: rebuild it against SDK version 2");
}

TEST(PluginCompatibilityTest, RefusesAnotherStandardLibraryAbi) {
    EXPECT_EQ(PluginCompatibility::refusal(gccBuild(12, 0), gccBuild(12, 1)),
              "built with _GLIBCXX_USE_CXX11_ABI=0, this hub with _GLIBCXX_USE_CXX11_ABI=1: rebuild it with the "
              "hub's standard-library ABI");
    EXPECT_EQ(PluginCompatibility::refusal(gccBuild(4, -1), gccBuild(12, 1)),
              "built with a standard library other than libstdc++, this hub with _GLIBCXX_USE_CXX11_ABI=1: rebuild "
              "it with the hub's standard-library ABI");
}

TEST(PluginCompatibilityTest, RefusesAnotherGccButNotClangOrAnUnknownCompiler) {
    EXPECT_EQ(PluginCompatibility::refusal(gccBuild(11), gccBuild(12)),
              "built with GCC 11, this hub with GCC 12: rebuild it with the hub's compiler");
    EXPECT_EQ(PluginCompatibility::refusal(gccBuild(4), gccBuild(12)), std::nullopt); // clang
    EXPECT_EQ(PluginCompatibility::refusal(gccBuild(0), gccBuild(12)), std::nullopt);
    EXPECT_EQ(PluginCompatibility::refusal(gccBuild(13), gccBuild(4)), std::nullopt);
}

TEST(PluginCompatibilityTest, RefusesAnotherPocoMajorOrMinorButNotAnotherPatch) {
    EXPECT_EQ(PluginCompatibility::refusal(gccBuild(12, 1, 0x010C0100), gccBuild(12, 1, 0x010B0000)),
              "built against POCO 1.12, this hub uses POCO 1.11: rebuild it against the hub's POCO");
    EXPECT_EQ(PluginCompatibility::refusal(gccBuild(12, 1, 0x020B0000), gccBuild(12, 1, 0x010B0000)),
              "built against POCO 2.11, this hub uses POCO 1.11: rebuild it against the hub's POCO");
    EXPECT_EQ(PluginCompatibility::refusal(gccBuild(12, 1, 0x010B0300), gccBuild(12, 1, 0x010B0000)), std::nullopt);
}

TEST(PluginCompatibilityTest, RefusesAPluginWithoutAName) {
    auto nameless = gccBuild(12);
    nameless.name = "";
    EXPECT_EQ(PluginCompatibility::refusal(nameless, gccBuild(12)), "declares no plugin name");
    nameless.name = nullptr;
    EXPECT_EQ(PluginCompatibility::refusal(nameless, gccBuild(12)), "declares no plugin name");
}

} // namespace
