#include "core/http/AuthRoutes.h"
#include "core/http/HttpPipeline.h"
#include "tests/support/RecordingEventBus.h"
#include "tests/support/TestDatabase.h"

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::TestDatabase;

namespace {

config::AuthConfig authConfig() {
    config::AuthConfig config;
    config.sessionTtlHours = 1;
    config.cookieSecure = true;
    return config;
}

class AuthRoutesTest : public ::testing::Test {
protected:
    AuthRoutesTest()
        : limiter(clock), service(*database, hasher, clock, limiter, authConfig(), bus), guard(service),
          routes(guard, service, authConfig()), pipeline(router, nullptr, nullptr) {
        routes.registerRoutes(router);
        auth::Agent agent;
        agent.id = "agent-1";
        agent.email = "grace@example.com";
        agent.displayName = "Grace";
        agent.passwordHash = hasher.hash("correct horse");
        agent.widgets = {"demo"};
        agent.createdAt = 1'700'000'000'123;
        database->write([&](store::Sql& sql) { store::AgentRepository().insert(sql, agent); });
    }

    http::HttpResponse call(const std::string& method, const std::string& path, const std::string& body = "",
                            const std::string& token = "") {
        http::HttpRequest request;
        request.method = method;
        request.path = path;
        request.body = body;
        if (!body.empty()) request.headers.add("Content-Type", "application/json");
        request.clientIp = "198.51.100.1";
        if (!token.empty()) request.headers.add("Authorization", "Bearer " + token);
        return pipeline.handle(request);
    }

    static Poco::JSON::Object::Ptr json(const http::HttpResponse& response) {
        return Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Object::Ptr>();
    }

    std::string login(const std::string& password = "correct horse") {
        auto response = call("POST", "/api/auth/login", R"({"email":"grace@example.com","password":")" + password + "\"}");
        return json(response)->getValue<std::string>("token");
    }

    TestDatabase database;
    common::ManualClock clock{1'700'000'000'000};
    auth::PasswordHasher hasher{auth::PasswordHasher::Strength::Fast};
    limits::RateLimiter limiter;
    switchboard::tests::RecordingEventBus bus;
    auth::AuthService service;
    http::AuthGuard guard;
    http::AuthRoutes routes;
    http::Router router;
    http::HttpPipeline pipeline;
};

TEST_F(AuthRoutesTest, LoginAnswersTheTokenTheAgentAndASessionCookie) {
    auto response = call("POST", "/api/auth/login", R"({"email":"grace@example.com","password":"correct horse"})");
    ASSERT_EQ(response.status, 200) << response.body;
    const auto body = json(response);
    const auto token = body->getValue<std::string>("token");
    EXPECT_EQ(body->getValue<std::string>("expires_at"), "2023-11-14T23:13:20.000Z");
    const auto agent = body->getObject("agent");
    EXPECT_EQ(agent->getValue<std::string>("id"), "agent-1");
    EXPECT_EQ(agent->getValue<std::string>("email"), "grace@example.com");
    EXPECT_EQ(agent->getValue<std::string>("display_name"), "Grace");
    EXPECT_EQ(agent->getValue<std::string>("role"), "agent");
    EXPECT_EQ(agent->getValue<std::string>("status"), "offline");
    EXPECT_EQ(agent->getValue<int>("max_concurrent_chats"), 5);
    EXPECT_TRUE(agent->getValue<bool>("active"));
    EXPECT_EQ(agent->getValue<std::string>("created_at"), "2023-11-14T22:13:20.123Z");
    EXPECT_EQ(agent->getArray("widgets")->getElement<std::string>(0), "demo");
    EXPECT_FALSE(agent->has("password_hash"));
    EXPECT_EQ(response.header("Set-Cookie"),
              "sb_session=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure");
}

TEST_F(AuthRoutesTest, RefusedLoginsUseTheContractsErrors) {
    auto wrong = call("POST", "/api/auth/login", R"({"email":"grace@example.com","password":"nope"})");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(json(wrong)->getObject("error")->getValue<std::string>("code"), "invalid_credentials");
    EXPECT_TRUE(wrong.header("Set-Cookie").empty());

    auto missing = call("POST", "/api/auth/login", R"({"email":"grace@example.com"})");
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(json(missing)->getObject("error")->getValue<std::string>("field"), "password");
}

TEST_F(AuthRoutesTest, MeAnswersTheSignedInAgent) {
    const auto token = login();
    auto response = call("GET", "/api/me", "", token);
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(json(response)->getValue<std::string>("id"), "agent-1");
    EXPECT_EQ(call("GET", "/api/me").status, 401);
}

TEST_F(AuthRoutesTest, LogoutRevokesTheSessionAndClearsTheCookie) {
    const auto token = login();
    auto response = call("POST", "/api/auth/logout", "", token);
    EXPECT_EQ(response.status, 204);
    EXPECT_EQ(response.header("Set-Cookie"), "sb_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
    EXPECT_EQ(call("GET", "/api/me", "", token).status, 401);
    EXPECT_EQ(call("POST", "/api/auth/logout").status, 204);
}

TEST_F(AuthRoutesTest, PasswordChangeKeepsThisSessionAndEndsTheOthers) {
    const auto mine = login();
    const auto other = login();
    auto response = call("POST", "/api/me/password",
                         R"({"current_password":"correct horse","new_password":"battery staple"})", mine);
    EXPECT_EQ(response.status, 204) << response.body;
    EXPECT_EQ(call("GET", "/api/me", "", mine).status, 200);
    EXPECT_EQ(call("GET", "/api/me", "", other).status, 401);

    auto wrong = call("POST", "/api/me/password", R"({"current_password":"x","new_password":"another one"})", mine);
    EXPECT_EQ(wrong.status, 422);
    EXPECT_EQ(json(wrong)->getObject("error")->getValue<std::string>("field"), "current_password");
}

} // namespace
