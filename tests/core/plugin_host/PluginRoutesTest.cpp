#include "core/auth/PasswordHasher.h"
#include "core/http/HttpPipeline.h"
#include "core/http/PluginRoutes.h"
#include "core/limits/RateLimiter.h"
#include "core/common/Time.h"
#include "core/plugin_host/HubHostServices.h"
#include "core/store/AgentRepository.h"
#include "tests/core/plugin_host/StubHttpClient.h"
#include "tests/core/plugin_host/TestPlugins.h"
#include "tests/support/RecordingEventBus.h"
#include "tests/support/TestDatabase.h"

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::StubHttpClient;
using switchboard::tests::TestDatabase;
using switchboard::tests::testPluginFile;
using switchboard::tests::testPluginFolder;
namespace sdk = switchboard::sdk;

namespace {

class PluginRoutesTest : public ::testing::Test {
protected:
    PluginRoutesTest()
        : limiter(clock), authService(*database, hasher, clock, limiter, config::AuthConfig{}, bus), guard(authService),
          plugins([this](const config::ChannelInstanceConfig& instance) {
              return std::make_unique<plugin_host::HubHostServices>(
                  http, clock, instance.name, plugin_host::HubHostServices::Functions{});
          }, {}),
          refusals(clock), routes(guard, plugins, refusals), pipeline(router, nullptr, nullptr) {
        routes.registerRoutes(router);
        plugins.loadPlugins(testPluginFolder("echo"));
        plugins.createInstances(
            {{"welcome", "echo", {{"greeting", "Hello"}}}, {"farewell", "echo", {{"greeting", "Bye"}}}});
        adminToken = agentToken("grace@example.com", "admin");
        memberToken = agentToken("ada@example.com", "agent");
    }

    std::string agentToken(const std::string& email, const std::string& role) {
        auth::Agent agent;
        agent.id = email;
        agent.email = email;
        agent.displayName = email;
        agent.passwordHash = hasher.hash("correct horse");
        agent.role = role;
        database->write([&](store::Sql& sql) { store::AgentRepository().insert(sql, agent); });
        return authService.login(email, "correct horse", "198.51.100.1", "").token;
    }

    http::HttpResponse get(const std::string& token, const std::string& path = "/api/plugins") {
        http::HttpRequest request;
        request.method = "GET";
        request.path = path;
        if (!token.empty()) request.headers.add("Authorization", "Bearer " + token);
        return pipeline.handle(request);
    }

    static Poco::JSON::Object::Ptr json(const http::HttpResponse& response) {
        return Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Object::Ptr>();
    }

    TestDatabase database;
    common::ManualClock clock;
    StubHttpClient http;
    auth::PasswordHasher hasher{auth::PasswordHasher::Strength::Fast};
    limits::RateLimiter limiter;
    switchboard::tests::RecordingEventBus bus;
    auth::AuthService authService;
    http::AuthGuard guard;
    plugin_host::PluginHost plugins;
    plugin_host::InboundRefusals refusals;
    http::PluginRoutes routes;
    http::Router router;
    http::HttpPipeline pipeline;
    std::string adminToken;
    std::string memberToken;
};

TEST_F(PluginRoutesTest, ListsThePluginsWithTheirInstancesToAdmins) {
    const auto response = get(adminToken);
    ASSERT_EQ(response.status, 200) << response.body;
    const auto list = json(response)->getArray("plugins");
    ASSERT_EQ(list->size(), 1u);
    const auto plugin = list->getObject(0);
    EXPECT_EQ(plugin->getValue<std::string>("name"), "echo");
    EXPECT_EQ(plugin->getValue<std::string>("version"), "1.2.3");
    EXPECT_EQ(plugin->getValue<std::string>("description"), "Answers every delivery with its greeting");
    EXPECT_EQ(plugin->getValue<std::string>("file"), testPluginFile("echo"));
    EXPECT_EQ(plugin->getValue<int>("api_version"), 2);
    const auto instances = plugin->getArray("instances");
    ASSERT_EQ(instances->size(), 2u);
    EXPECT_EQ(instances->getElement<std::string>(0), "welcome");
    EXPECT_EQ(instances->getElement<std::string>(1), "farewell");
    const auto channel = plugin->getObject("channel");
    EXPECT_EQ(channel->getValue<std::string>("display_name"), "Echo");
    EXPECT_EQ(channel->getArray("handover_methods")->getObject(0)->getValue<std::string>("label"), "Echo me");
    EXPECT_EQ(channel->getArray("instance_settings")->getObject(0)->getValue<std::string>("key"), "greeting");
    const auto salutation = channel->getArray("method_settings")->getObject(0);
    EXPECT_EQ(salutation->getValue<std::string>("description"), "How the visitor is addressed");
    EXPECT_FALSE(salutation->getValue<bool>("secret"));
}

TEST_F(PluginRoutesTest, RefusesAgentsAndAnonymousCallers) {
    for (const std::string path : {"/api/plugins", "/api/channels/inbound-refusals"}) {
        const auto forbidden = get(memberToken, path);
        EXPECT_EQ(forbidden.status, 403) << path;
        EXPECT_EQ(json(forbidden)->getObject("error")->getValue<std::string>("code"), "forbidden");
        const auto anonymous = get("", path);
        EXPECT_EQ(anonymous.status, 401) << path;
        EXPECT_EQ(json(anonymous)->getObject("error")->getValue<std::string>("code"), "unauthorized");
    }
}

TEST_F(PluginRoutesTest, CountsTheInboundMessagesEachInstanceRefusedForAdmins) {
    clock.advanceMs(5000);
    refusals.counted("farewell", sdk::InboundOutcome::refused("no open conversation"));
    refusals.counted("farewell", sdk::InboundOutcome::refused("text is empty"));
    const auto response = get(adminToken, "/api/channels/inbound-refusals");
    ASSERT_EQ(response.status, 200) << response.body;
    const auto body = json(response);
    EXPECT_EQ(body->getValue<std::string>("since"), common::formatIso8601Ms(clock.nowMs() - 5000));
    const auto channels = body->getArray("channels");
    ASSERT_EQ(channels->size(), 2u);
    const auto welcome = channels->getObject(0);
    EXPECT_EQ(welcome->getValue<std::string>("instance"), "welcome");
    EXPECT_EQ(welcome->getValue<int>("refused"), 0);
    EXPECT_TRUE(welcome->isNull("last_reason"));
    const auto farewell = channels->getObject(1);
    EXPECT_EQ(farewell->getValue<std::string>("instance"), "farewell");
    EXPECT_EQ(farewell->getValue<int>("refused"), 2);
    EXPECT_EQ(farewell->getValue<std::string>("last_reason"), "text is empty");
    EXPECT_EQ(farewell->getValue<std::string>("last_refused_at"), common::formatIso8601Ms(clock.nowMs()));
}

} // namespace
