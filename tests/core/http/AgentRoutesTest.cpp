#include "core/http/AgentRoutes.h"
#include "core/http/HttpPipeline.h"
#include "tests/support/RecordingEventBus.h"
#include "tests/support/TestDatabase.h"

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::TestDatabase;

namespace {

class AgentRoutesTest : public ::testing::Test {
protected:
    AgentRoutesTest()
        : limiter(clock), authService(*database, hasher, clock, limiter, config::AuthConfig{}, bus),
          agents(*database, hasher, clock, [](const std::string& id) { return id == "demo"; }, bus), guard(authService),
          routes(guard, agents), pipeline(router, nullptr, nullptr) {
        routes.registerRoutes(router);
        agents.ensureFirstAdmin("root@example.com", "root password");
        adminToken = authService.login("root@example.com", "root password", "198.51.100.1", "").token;
    }

    http::HttpResponse call(const std::string& method, const std::string& path, const std::string& token,
                            const std::string& body = "") {
        http::HttpRequest request;
        request.method = method;
        request.path = path;
        request.body = body;
        if (!body.empty()) request.headers.add("Content-Type", "application/json");
        request.headers.add("Authorization", "Bearer " + token);
        return pipeline.handle(request);
    }

    static Poco::JSON::Object::Ptr json(const http::HttpResponse& response) {
        return Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Object::Ptr>();
    }
    static std::string errorCode(const http::HttpResponse& response) {
        return json(response)->getObject("error")->getValue<std::string>("code");
    }

    TestDatabase database;
    common::ManualClock clock;
    auth::PasswordHasher hasher{auth::PasswordHasher::Strength::Fast};
    limits::RateLimiter limiter;
    switchboard::tests::RecordingEventBus bus;
    auth::AuthService authService;
    auth::AgentService agents;
    http::AuthGuard guard;
    http::AgentRoutes routes;
    http::Router router;
    http::HttpPipeline pipeline;
    std::string adminToken;
};

TEST_F(AgentRoutesTest, AdminsCreateReadUpdateAndDeactivateAgents) {
    auto created = call("POST", "/api/agents", adminToken,
                        R"({"email":"ada@example.com","display_name":"Ada","password":"analytical",
                            "role":"agent","widgets":["demo"],"max_concurrent_chats":3})");
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = json(created)->getValue<std::string>("id");
    EXPECT_EQ(json(created)->getValue<int>("max_concurrent_chats"), 3);

    auto read = call("GET", "/api/agents/" + id, adminToken);
    EXPECT_EQ(read.status, 200);
    EXPECT_EQ(json(read)->getValue<std::string>("email"), "ada@example.com");

    auto patched = call("PATCH", "/api/agents/" + id, adminToken, R"({"display_name":"Countess","active":false})");
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(json(patched)->getValue<std::string>("display_name"), "Countess");
    EXPECT_FALSE(json(patched)->getValue<bool>("active"));

    EXPECT_EQ(call("DELETE", "/api/agents/" + id, adminToken).status, 204);
    EXPECT_EQ(call("DELETE", "/api/agents/unknown", adminToken).status, 404);

    auto list = call("GET", "/api/agents", adminToken);
    EXPECT_EQ(json(list)->getArray("agents")->size(), 2u);
}

TEST_F(AgentRoutesTest, RefusesNonAdminsAndBadInput) {
    call("POST", "/api/agents", adminToken,
         R"({"email":"ada@example.com","display_name":"Ada","password":"analytical","widgets":["demo"]})");
    const auto agentToken = authService.login("ada@example.com", "analytical", "198.51.100.1", "").token;

    auto forbidden = call("POST", "/api/agents", agentToken, "not even json");
    EXPECT_EQ(forbidden.status, 403);
    EXPECT_EQ(errorCode(forbidden), "forbidden");
    EXPECT_EQ(call("PATCH", "/api/agents/x", agentToken, "{}").status, 403);
    auto emptyPatch = call("PATCH", "/api/agents/x", adminToken, "{}");
    EXPECT_EQ(emptyPatch.status, 422);
    EXPECT_EQ(errorCode(emptyPatch), "validation_failed");
    EXPECT_EQ(call("GET", "/api/agents", agentToken).status, 200);

    auto duplicate = call("POST", "/api/agents", adminToken,
                          R"({"email":"ADA@example.com","display_name":"Ada","password":"analytical"})");
    EXPECT_EQ(duplicate.status, 409);
    EXPECT_EQ(errorCode(duplicate), "conflict");
    auto shortPassword = call("POST", "/api/agents", adminToken,
                              R"({"email":"bo@example.com","display_name":"Bo","password":"short"})");
    EXPECT_EQ(shortPassword.status, 422);
    EXPECT_EQ(errorCode(shortPassword), "validation_failed");
    auto badEmail = call("POST", "/api/agents", adminToken,
                         R"({"email":"bo@","display_name":"Bo","password":"long enough"})");
    EXPECT_EQ(errorCode(badEmail), "invalid_email");
    auto badType = call("POST", "/api/agents", adminToken,
                        R"({"email":"bo@example.com","display_name":"Bo","password":"long enough","widgets":"demo"})");
    EXPECT_EQ(badType.status, 400);
    EXPECT_EQ(errorCode(badType), "invalid_field");
    EXPECT_EQ(call("GET", "/api/agents", "not-a-token").status, 401);
}

} // namespace
