#include "core/app/BuiltinPluginFolder.h"
#include "tests/core/plugin_host/TestPlugins.h"

#include <gtest/gtest.h>

using switchboard::core::app::BuiltinPluginFolder;
using switchboard::tests::TemporaryFolder;

namespace {

TEST(BuiltinPluginFolderTest, AsBuiltThePluginsAreBesideTheBinarysFolder) {
    TemporaryFolder prefix;
    std::filesystem::create_directories(prefix.path() + "/bin");
    std::filesystem::create_directories(prefix.path() + "/plugins");
    EXPECT_EQ(BuiltinPluginFolder::of(prefix.path() + "/bin/switchboard"), prefix.path() + "/plugins");
}

TEST(BuiltinPluginFolderTest, AsInstalledThePluginsAreUnderLib) {
    TemporaryFolder prefix;
    std::filesystem::create_directories(prefix.path() + "/bin");
    std::filesystem::create_directories(prefix.path() + "/lib/switchboard/plugins");
    EXPECT_EQ(BuiltinPluginFolder::of(prefix.path() + "/bin/switchboard"), prefix.path() + "/lib/switchboard/plugins");
}

TEST(BuiltinPluginFolderTest, NoneWhenNeitherExists) {
    TemporaryFolder prefix;
    EXPECT_EQ(BuiltinPluginFolder::of(prefix.path() + "/bin/switchboard"), "");
}

} // namespace
