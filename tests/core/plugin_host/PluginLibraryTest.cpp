#include "core/plugin_host/PluginError.h"
#include "core/plugin_host/PluginLibrary.h"
#include "tests/core/plugin_host/TestPlugins.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace switchboard::core::plugin_host;
using switchboard::tests::TemporaryFolder;
using switchboard::tests::testPluginFile;

namespace {

/// The one problem PluginLibrary refused `path` with.
std::string refusalOf(const std::string& path) {
    try {
        PluginLibrary library(path);
    } catch (const PluginError& error) {
        EXPECT_EQ(error.problems().size(), 1u);
        return error.problems().front();
    }
    ADD_FAILURE() << path << " was loaded";
    return {};
}

TEST(PluginLibraryTest, ReadsTheInfoAndCreatesTheOneChannelClass) {
    const PluginLibrary library(testPluginFile("echo"));
    const auto& plugin = library.description();
    EXPECT_EQ(plugin.name, "echo");
    EXPECT_EQ(plugin.version, "1.2.3");
    EXPECT_EQ(plugin.description, "Answers every delivery with its greeting");
    EXPECT_EQ(plugin.file, testPluginFile("echo"));
    EXPECT_EQ(plugin.apiVersion, 2);
    EXPECT_EQ(plugin.channel.displayName, "Echo");
    ASSERT_EQ(plugin.channel.handoverMethods.size(), 2u);
    EXPECT_EQ(plugin.channel.handoverMethods[0].label, "Echo me");
    ASSERT_EQ(plugin.channel.methodSettings.size(), 1u);
    EXPECT_EQ(plugin.channel.methodSettings[0].key, "salutation");

    const auto first = library.createChannel();
    const auto second = library.createChannel();
    ASSERT_NE(first, nullptr);
    EXPECT_NE(first.get(), second.get());
}

TEST(PluginLibraryTest, RefusesALibraryWithoutTheInfoFunction) {
    const auto file = testPluginFile("no_info");
    EXPECT_EQ(refusalOf(file), file + ": not a Switchboard plugin (it exports no switchboard_plugin_info() function; "
                                      "declare one with SWITCHBOARD_PLUGIN_INFO)");
}

TEST(PluginLibraryTest, RefusesAVersionOnePluginSayingToRebuildIt) {
    const auto file = testPluginFile("api1");
    EXPECT_EQ(refusalOf(file), file + ": built for plugin API 1, this hub speaks 2: rebuild it against SDK version 2");
}

TEST(PluginLibraryTest, RefusesAPluginWithoutAChannelManifest) {
    const auto file = testPluginFile("no_manifest");
    EXPECT_EQ(refusalOf(file), file + ": plugin 'empty' exports no ChannelV2 manifest; declare its class with "
                                      "POCO_BEGIN_NAMED_MANIFEST(ChannelV2, switchboard::sdk::Channel)");
}

TEST(PluginLibraryTest, RefusesAManifestWithMoreThanOneClass) {
    const auto file = testPluginFile("two_classes");
    EXPECT_EQ(refusalOf(file),
              file + ": the ChannelV2 manifest of plugin 'twins' exports 2 classes "
                     "(switchboard::tests::plugins::LeftChannel, switchboard::tests::plugins::RightChannel); "
                     "a channel plugin exports exactly one");
}

TEST(PluginLibraryTest, RefusesAFileThatIsNotALibrary) {
    TemporaryFolder folder;
    const auto file = folder.path() + "/notes.so";
    std::ofstream(file) << "not a shared library\n";
    const auto refusal = refusalOf(file);
    const std::string prefix = file + ": cannot be opened: ";
    EXPECT_EQ(refusal.substr(0, prefix.size()), prefix);
    EXPECT_GT(refusal.size(), prefix.size()) << "the loader's reason is missing";
}

} // namespace
