#include "core/http/CannedResponseRoutes.h"
#include "core/http/HttpPipeline.h"
#include "tests/support/RecordingEventBus.h"
#include "tests/support/TestDatabase.h"

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::TestDatabase;

namespace {

class CannedResponseRoutesTest : public ::testing::Test {
protected:
    CannedResponseRoutesTest()
        : limiter(clock), authService(*database, hasher, clock, limiter, config::AuthConfig{}, bus),
          responses(*database, clock, [](const std::string& id) { return id == "demo"; }, 100), guard(authService),
          routes(guard, responses), pipeline(router, nullptr, nullptr) {
        routes.registerRoutes(router);
        auth::Agent agent;
        agent.id = "agent-1";
        agent.email = "grace@example.com";
        agent.displayName = "Grace";
        agent.passwordHash = hasher.hash("correct horse");
        agent.widgets = {"demo"};
        database->write([&](store::Sql& sql) { store::AgentRepository().insert(sql, agent); });
        token = authService.login("grace@example.com", "correct horse", "198.51.100.1", "").token;
    }

    http::HttpResponse call(const std::string& method, const std::string& path, const std::string& body = "",
                            std::map<std::string, std::string> query = {}) {
        http::HttpRequest request;
        request.method = method;
        request.path = path;
        request.body = body;
        if (!body.empty()) request.headers.add("Content-Type", "application/json");
        request.query = std::move(query);
        request.headers.add("Authorization", "Bearer " + token);
        return pipeline.handle(request);
    }

    static Poco::JSON::Object::Ptr json(const http::HttpResponse& response) {
        return Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Object::Ptr>();
    }

    TestDatabase database;
    common::ManualClock clock{1'700'000'000'000};
    auth::PasswordHasher hasher{auth::PasswordHasher::Strength::Fast};
    limits::RateLimiter limiter;
    switchboard::tests::RecordingEventBus bus;
    auth::AuthService authService;
    conversation::CannedResponseService responses;
    http::AuthGuard guard;
    http::CannedResponseRoutes routes;
    http::Router router;
    http::HttpPipeline pipeline;
    std::string token;
};

TEST_F(CannedResponseRoutesTest, CreatesListsUsesUpdatesAndDeletes) {
    auto created = call("POST", "/api/canned-responses", R"({"title":"Hi","shortcut":"/hello","content":"Hello!"})");
    ASSERT_EQ(created.status, 201) << created.body;
    const auto body = json(created);
    const auto id = body->getValue<std::string>("id");
    EXPECT_EQ(body->getValue<std::string>("scope"), "personal");
    EXPECT_EQ(body->getValue<std::string>("owner_agent_id"), "agent-1");
    EXPECT_TRUE(body->isNull("widget_id"));
    EXPECT_EQ(body->getValue<int>("usage_count"), 0);
    EXPECT_EQ(body->getValue<std::string>("created_at"), "2023-11-14T22:13:20.000Z");
    EXPECT_EQ(body->getValue<std::string>("updated_at"), "2023-11-14T22:13:20.000Z");

    auto used = call("GET", "/api/canned-responses", "", {{"shortcut", "/hello"}});
    ASSERT_EQ(used.status, 200);
    EXPECT_EQ(json(used)->getValue<int>("usage_count"), 1);
    EXPECT_EQ(call("GET", "/api/canned-responses", "", {{"shortcut", "/nope"}}).status, 404);

    auto list = call("GET", "/api/canned-responses", "", {{"widget_id", "demo"}});
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(json(list)->getArray("canned_responses")->size(), 1u);

    auto updated = call("PUT", "/api/canned-responses/" + id,
                        R"({"title":"Hi","shortcut":"/hi","content":"Hi!","widget_id":"demo","scope":"personal"})");
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_EQ(json(updated)->getValue<std::string>("widget_id"), "demo");
    EXPECT_EQ(json(updated)->getValue<int>("usage_count"), 1);

    EXPECT_EQ(call("DELETE", "/api/canned-responses/" + id).status, 204);
    EXPECT_EQ(call("DELETE", "/api/canned-responses/" + id).status, 404);
}

TEST_F(CannedResponseRoutesTest, AnswersTheContractsErrors) {
    const std::string hello = R"({"title":"Hi","shortcut":"/hello","content":"Hello!"})";
    call("POST", "/api/canned-responses", hello);
    EXPECT_EQ(call("POST", "/api/canned-responses", hello).status, 409);
    EXPECT_EQ(call("POST", "/api/canned-responses", R"({"title":"Hi","shortcut":"hello","content":"x"})").status, 422);
    EXPECT_EQ(call("POST", "/api/canned-responses",
                   R"({"title":"Hi","shortcut":"/team","content":"x","scope":"shared"})")
                  .status,
              403);
    EXPECT_EQ(call("POST", "/api/canned-responses", R"({"title":"Hi","content":"x"})").status, 400);
}

} // namespace
