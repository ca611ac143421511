#include "core/common/ApiError.h"
#include "core/plugin_host/HubHostServices.h"
#include "core/plugin_host/PluginError.h"
#include "core/plugin_host/PluginHost.h"
#include "tests/support/LogCapture.h"
#include "tests/core/plugin_host/StubHttpClient.h"
#include "tests/core/plugin_host/TestPlugins.h"

#include <Poco/SharedLibrary.h>
#include <gtest/gtest.h>

#include <fstream>

using namespace switchboard::core;
using namespace switchboard::core::plugin_host;
using switchboard::tests::LogCapture;
using switchboard::tests::StubHttpClient;
using switchboard::tests::TemporaryFolder;
using switchboard::tests::testPluginFile;
using switchboard::tests::testPluginFolder;
namespace sdk = switchboard::sdk;

namespace {

using namespace std::chrono_literals;

class PluginHostTest : public ::testing::Test {
protected:
    PluginHostTest() : host(servicesFactory(), {}) {}

    PluginHost::HostServicesFactory servicesFactory() {
        return [this](const config::ChannelInstanceConfig& instance) {
            servicesMadeFor.push_back(instance.name);
            return std::make_unique<HubHostServices>(
                http, clock, instance.name, plugin_host::HubHostServices::Functions{});
        };
    }

    /// The problems `action` was refused with.
    template <typename Action>
    static std::vector<std::string> problemsOf(Action action) {
        try {
            action();
        } catch (const PluginError& error) {
            return error.problems();
        }
        ADD_FAILURE() << "nothing was refused";
        return {};
    }

    /// A delivery of the handover request `requestId` (the hanging plugin hangs on "hang").
    static sdk::Delivery delivery(const std::string& requestId = "hello") {
        sdk::Delivery delivery;
        delivery.id = "d-1";
        delivery.recipient.visitor.name = "Ada";
        delivery.requestId = requestId;
        return delivery;
    }

    StubHttpClient http;
    common::ManualClock clock{1'700'000'000'000};
    std::vector<std::string> servicesMadeFor;
    PluginHost host;
};

TEST_F(PluginHostTest, LoadsEveryPluginOfTheFolderAndLogsIt) {
    LogCapture log("plugins");
    host.loadPlugins(testPluginFolder("echo"));

    const auto plugins = host.plugins();
    ASSERT_EQ(plugins.size(), 1u);
    EXPECT_EQ(plugins[0].name, "echo");
    EXPECT_EQ(plugins[0].version, "1.2.3");
    EXPECT_EQ(plugins[0].description, "Answers every delivery with its greeting");
    EXPECT_EQ(plugins[0].file, testPluginFile("echo"));
    EXPECT_EQ(plugins[0].apiVersion, 2);
    ASSERT_EQ(log.lines().size(), 1u);
    EXPECT_EQ(log.lines()[0].text, "loaded plugin echo 1.2.3 from " + testPluginFile("echo"));
}

TEST_F(PluginHostTest, ConfiguresEachInstanceWithItsSettingsAndServices) {
    host.loadPlugins(testPluginFolder("echo"));
    host.createInstances({{"welcome", "echo", {{"greeting", "Hello"}}}, {"farewell", "echo", {{"greeting", "Bye"}}}});

    EXPECT_EQ(servicesMadeFor, (std::vector<std::string>{"welcome", "farewell"}));
    ASSERT_EQ(host.instances().size(), 2u);
    EXPECT_EQ(host.instances()[0].name(), "welcome");
    EXPECT_EQ(host.instances()[1].name(), "farewell");
    EXPECT_EQ(host.instances()[1].plugin(), "echo");
    EXPECT_EQ(host.instances()[1].description().displayName, "Echo");
    ASSERT_NE(host.find("farewell"), nullptr);
    EXPECT_EQ(host.find("farewell")->name(), "farewell");
    EXPECT_EQ(host.find("nobody"), nullptr);

    LogCapture channelLog("channel.farewell");
    clock.advanceMs(5);
    const auto result = host.deliver("farewell", delivery(), 5s);
    EXPECT_EQ(result.outcome, sdk::DeliveryResult::Outcome::Delivered);
    EXPECT_EQ(result.detail, "Bye, Ada");
    EXPECT_EQ(result.providerId, "echo-1700000000005"); // the hub's clock, through the host services
    ASSERT_EQ(channelLog.lines().size(), 1u);
    EXPECT_EQ(channelLog.lines()[0].text, "echoing d-1");
    EXPECT_EQ(host.deliver("welcome", delivery(), 5s).detail, "Hello, Ada");
}

TEST_F(PluginHostTest, ReportsEverySettingErrorAndUnknownPluginByKey) {
    host.loadPlugins(testPluginFolder("echo"));
    const auto problems = problemsOf([&] {
        host.createInstances({{"ok", "echo", {{"greeting", "Hi"}}},
                              {"crm", "echo", {{"colour", "blue"}}},
                              {"sms", "twilio", {}}});
    });
    EXPECT_EQ(problems, (std::vector<std::string>{
                            "channels.crm.settings.colour: is not a setting of the echo plugin",
                            "channels.crm.settings.greeting: is required",
                            "channels.sms.plugin: no plugin named 'twilio' was loaded from " +
                                testPluginFolder("echo") + " (loaded: echo)",
                        }));
    EXPECT_TRUE(host.instances().empty());
}

TEST_F(PluginHostTest, ListsEveryRefusedFileAndLoadsNone) {
    TemporaryFolder folder;
    const auto legacy = folder.addPlugin("api1", "legacy.so");
    const auto anonymous = folder.addPlugin("no_info", "anonymous.so");
    folder.addPlugin("echo", "echo.so");

    const auto problems = problemsOf([&] { host.loadPlugins(folder.path()); });
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].substr(0, anonymous.size() + 2), anonymous + ": ");
    EXPECT_EQ(problems[1], legacy + ": built for plugin API 1, this hub speaks 2: rebuild it against SDK version 2");
    EXPECT_TRUE(host.plugins().empty());
}

TEST_F(PluginHostTest, RefusesTwoFilesDeclaringTheSamePlugin) {
    TemporaryFolder folder;
    const auto first = folder.addPlugin("echo", "a.so");
    const auto second = folder.addPlugin("echo", "b.so");
    EXPECT_EQ(problemsOf([&] { host.loadPlugins(folder.path()); }),
              std::vector<std::string>{second + ": declares plugin 'echo', as " + first +
                                       " does: keep only one of them in the plugin folder"});
}

TEST_F(PluginHostTest, LoadsOnlySoFiles) {
    TemporaryFolder folder;
    folder.addPlugin("echo", "echo.so.disabled");
    host.loadPlugins(folder.path());
    EXPECT_TRUE(host.plugins().empty());
}

TEST_F(PluginHostTest, AMissingFolderHoldsNoPlugins) {
    TemporaryFolder folder;
    const auto missing = folder.path() + "/missing";
    host.loadPlugins(missing);
    EXPECT_TRUE(host.plugins().empty());
    EXPECT_EQ(problemsOf([&] { host.createInstances({{"mail", "echo", {{"greeting", "Hi"}}}}); }),
              std::vector<std::string>{"channels.mail.plugin: no plugin named 'echo' was loaded from " + missing +
                                       " (loaded: none)"});
}

TEST_F(PluginHostTest, FindsTheBuiltInPluginsBesideAFolderOfOtherPlugins) {
    TemporaryFolder folder;
    folder.addPlugin("throwing", "throwing.so");
    host.loadPlugins(folder.path(), testPluginFolder("echo"));
    const auto plugins = host.plugins();
    ASSERT_EQ(plugins.size(), 2u);
    EXPECT_EQ(plugins[0].name, "throwing");
    EXPECT_EQ(plugins[1].name, "echo");
    EXPECT_EQ(plugins[1].file, testPluginFile("echo"));
}

TEST_F(PluginHostTest, APluginOfThePluginFolderIsUsedInsteadOfTheBuiltInOneAndTheLogSaysSo) {
    TemporaryFolder folder;
    const auto own = folder.addPlugin("echo", "echo.so");
    const LogCapture log("plugins");
    host.loadPlugins(folder.path(), testPluginFolder("echo"));
    ASSERT_EQ(host.plugins().size(), 1u);
    EXPECT_EQ(host.plugins()[0].file, own);
    const auto lines = log.lines();
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0].priority, Poco::Message::PRIO_NOTICE);
    EXPECT_EQ(lines[0].text,
              "plugin echo from " + own + " is used instead of the built-in one, " + testPluginFile("echo"));
}

TEST_F(PluginHostTest, ThePluginFolderNamedAgainAsTheBuiltInOneIsReadOnce) {
    host.loadPlugins(testPluginFolder("echo"), testPluginFolder("echo") + "/.");
    EXPECT_EQ(host.plugins().size(), 1u);
}

TEST_F(PluginHostTest, AMissingPluginIsLookedForInBothFolders) {
    TemporaryFolder folder;
    host.loadPlugins(folder.path(), testPluginFolder("echo"));
    EXPECT_EQ(problemsOf([&] { host.createInstances({{"sms", "twilio", {}}}); }),
              std::vector<std::string>{"channels.sms.plugin: no plugin named 'twilio' was loaded from " +
                                       folder.path() + " or " + testPluginFolder("echo") + " (loaded: echo)"});
}

TEST_F(PluginHostTest, AnInstanceProblemNamesTheLineOfHubYaml) {
    TemporaryFolder folder;
    const auto file = folder.path() + "/hub.yaml";
    std::ofstream(file) << "channels:\n  crm:\n    plugin: echo\n    settings:\n"
                           "      greeting: Hi\n      colour: blue\n";
    PluginHost located(servicesFactory(), PluginHost::Settings{.configFile = file});
    located.loadPlugins(testPluginFolder("echo"));
    EXPECT_EQ(problemsOf([&] { located.createInstances({{"crm", "echo", {{"greeting", "Hi"}, {"colour", "blue"}}}}); }),
              std::vector<std::string>{file + ":6: channels.crm.settings.colour: is not a setting of the echo plugin"});
}

TEST_F(PluginHostTest, RefusesAPluginDirThatIsNotAFolder) {
    EXPECT_EQ(problemsOf([&] { host.loadPlugins(testPluginFile("echo")); }),
              std::vector<std::string>{"plugin_dir " + testPluginFile("echo") + " is not a folder"});
}

TEST_F(PluginHostTest, AChannelThatThrowsWhileConfiguredIsAnErrorOfItsInstance) {
    host.loadPlugins(testPluginFolder("throwing"));
    EXPECT_EQ(problemsOf([&] { host.createInstances({{"broken", "throwing", {{"throw_in_configure", "yes"}}}}); }),
              std::vector<std::string>{
                  "channels.broken: the throwing plugin failed to set it up: the settings exploded"});
    EXPECT_EQ(host.find("broken"), nullptr);
}

TEST_F(PluginHostTest, DeliveryToAnUnknownInstanceFailsForGood) {
    const auto result = host.deliver("crm", delivery(), 5s);
    EXPECT_EQ(result.outcome, sdk::DeliveryResult::Outcome::Failed);
    EXPECT_EQ(result.detail, "there is no channel instance named 'crm'");
}

TEST_F(PluginHostTest, APluginThatThrowsFailsOnlyItsDelivery) {
    host.loadPlugins(testPluginFolder("throwing"));
    host.createInstances({{"broken", "throwing", {}}});
    const auto result = host.deliver("broken", delivery(), 5s);
    EXPECT_EQ(result.outcome, sdk::DeliveryResult::Outcome::Retry);
    EXPECT_EQ(result.detail, "the channel failed: the provider exploded");
}

TEST_F(PluginHostTest, APluginThatHangsFailsItsDeliveryAndLaterOnesStillWork) {
    host.loadPlugins(testPluginFolder("hanging"));
    host.createInstances({{"stuck", "hanging", {}}});
    const auto& guard = host.find("stuck")->guard();

    const auto hung = host.deliver("stuck", delivery("hang"), 50ms);
    EXPECT_EQ(hung.outcome, sdk::DeliveryResult::Outcome::Retry);
    EXPECT_EQ(hung.detail, "the channel did not answer within 50 ms");
    EXPECT_EQ(guard.hungCalls(), 1u);

    const auto later = host.deliver("stuck", delivery("hello"), 5s);
    EXPECT_EQ(later.outcome, sdk::DeliveryResult::Outcome::Delivered);
    EXPECT_EQ(later.detail, "answered at once");

    Poco::SharedLibrary library(testPluginFile("hanging"));
    reinterpret_cast<void (*)()>(library.getSymbol("switchboard_test_release_hung_deliveries"))();
    EXPECT_TRUE(guard.waitForHungCalls(10s));
    EXPECT_EQ(guard.hungCalls(), 0u);
}

TEST_F(PluginHostTest, ATestThatThrowsIsAFailedTestNamingWhatWasThrown) {
    host.loadPlugins(testPluginFolder("throwing"));
    host.createInstances({{"broken", "throwing", {}}});
    const auto result = host.test("broken", {}, 5s);
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->outcome, sdk::TestResult::Outcome::Failed);
    EXPECT_EQ(result->detail, "the channel failed: the test exploded");
    EXPECT_FALSE(host.test("nobody", {}, 5s).has_value());
}

TEST_F(PluginHostTest, ATestThatHangsIsAGatewayTimeoutAndHoldsUpNoDelivery) {
    host.loadPlugins(testPluginFolder("hanging"));
    host.createInstances({{"stuck", "hanging", {}}});
    const auto& instance = *host.find("stuck");

    try {
        host.test("stuck", {{"hang_ms", "60000"}}, 50ms);
        FAIL() << "the test was not cut short";
    } catch (const common::ApiError& error) {
        EXPECT_EQ(error.status(), 504);
        EXPECT_EQ(error.code(), "channel_timeout");
        EXPECT_STREQ(error.what(), "the channel did not answer within 50 ms");
    }
    EXPECT_EQ(instance.testGuard().hungCalls(), 1u);
    EXPECT_EQ(instance.guard().hungCalls(), 0u);
    EXPECT_EQ(host.deliver("stuck", delivery("hello"), 5s).outcome, sdk::DeliveryResult::Outcome::Delivered);
    EXPECT_EQ(host.test("stuck", {}, 5s)->outcome, sdk::TestResult::Outcome::Passed);

    Poco::SharedLibrary library(testPluginFile("hanging"));
    reinterpret_cast<void (*)()>(library.getSymbol("switchboard_test_release_hung_deliveries"))();
    EXPECT_TRUE(instance.testGuard().waitForHungCalls(10s));
}

} // namespace
