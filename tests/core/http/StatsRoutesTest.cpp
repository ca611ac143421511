#include "core/http/HttpPipeline.h"
#include "core/http/StatsRoutes.h"
#include "tests/core/store/ConversationSeed.h"
#include "tests/support/RecordingEventBus.h"
#include "tests/support/TestDatabase.h"

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::TestDatabase;

namespace {

class StatsRoutesTest : public ::testing::Test {
protected:
    StatsRoutesTest()
        : limiter(clock), authService(*database, hasher, clock, limiter, config::AuthConfig{}, bus),
          stats(*database, clock, [](const std::string& id) { return id == "demo"; }), guard(authService), routes(guard, stats), pipeline(router, nullptr, nullptr) {
        routes.registerRoutes(router);
        auth::Agent agent;
        agent.id = "agent-1";
        agent.email = "grace@example.com";
        agent.displayName = "Grace";
        agent.passwordHash = hasher.hash("correct horse");
        agent.role = "admin";
        database->write([&](store::Sql& sql) { store::AgentRepository().insert(sql, agent); });
        token = authService.login("grace@example.com", "correct horse", "198.51.100.1", "").token;
    }

    http::HttpResponse get(std::map<std::string, std::string> query) {
        http::HttpRequest request;
        request.method = "GET";
        request.path = "/api/stats";
        request.query = std::move(query);
        request.headers.add("Authorization", "Bearer " + token);
        return pipeline.handle(request);
    }

    static Poco::JSON::Object::Ptr json(const http::HttpResponse& response) {
        return Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Object::Ptr>();
    }

    TestDatabase database;
    common::ManualClock clock{1'700'000'000'000}; // 2023-11-14T22:13:20Z
    auth::PasswordHasher hasher{auth::PasswordHasher::Strength::Fast};
    limits::RateLimiter limiter;
    switchboard::tests::RecordingEventBus bus;
    auth::AuthService authService;
    conversation::StatsService stats;
    http::AuthGuard guard;
    http::StatsRoutes routes;
    http::Router router;
    http::HttpPipeline pipeline;
    std::string token;
};

TEST_F(StatsRoutesTest, AnswersEveryFigureWithNullsForMissingAverages) {
    auto response = get({});
    ASSERT_EQ(response.status, 200) << response.body;
    const auto body = json(response);
    EXPECT_EQ(body->getValue<std::string>("to"), "2023-11-14T22:13:20.000Z");
    EXPECT_EQ(body->getValue<std::string>("from"), "2023-10-15T22:13:20.000Z");
    EXPECT_TRUE(body->isNull("widget_id"));
    EXPECT_TRUE(body->isNull("avg_first_response_s"));
    EXPECT_TRUE(body->isNull("avg_resolution_s"));
    EXPECT_TRUE(body->isNull("avg_rating"));
    EXPECT_EQ(body->getValue<int>("ratings_count"), 0);
    const auto conversations = body->getObject("conversations");
    for (const char* key : {"total", "bot", "pending", "active", "resolved", "closed"})
        EXPECT_EQ(conversations->getValue<int>(key), 0) << key;
    EXPECT_EQ(body->getObject("messages")->getValue<int>("visitor"), 0);
    EXPECT_EQ(body->getObject("messages")->getValue<int>("agent"), 0);
}

TEST_F(StatsRoutesTest, ReadsThePeriodAsIsoDatesOrMilliseconds) {
    conversation::Conversation c;
    c.id = "c1";
    c.widgetId = "demo";
    c.status = conversation::ConversationStatus::Resolved;
    c.createdAt = 1'699'000'000'000; // 2023-11-03
    c.firstMessageAt = c.createdAt;
    c.firstResponseAt = c.createdAt + 1500;
    c.rating = 3;
    switchboard::tests::seedConversation(*database, c, {"visitor", "agent"});

    auto response = get({{"from", "2023-11-01"}, {"to", "2023-11-05T00:00:00Z"}, {"widget_id", "demo"}});
    ASSERT_EQ(response.status, 200) << response.body;
    auto body = json(response);
    EXPECT_EQ(body->getValue<std::string>("from"), "2023-11-01T00:00:00.000Z");
    EXPECT_EQ(body->getValue<std::string>("widget_id"), "demo");
    EXPECT_EQ(body->getObject("conversations")->getValue<int>("resolved"), 1);
    EXPECT_DOUBLE_EQ(body->getValue<double>("avg_first_response_s"), 1.5);
    EXPECT_DOUBLE_EQ(body->getValue<double>("avg_rating"), 3.0);

    response = get({{"from", "1699000000001"}});
    EXPECT_EQ(json(response)->getObject("conversations")->getValue<int>("total"), 0);

    for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"from", "yesterday"}, {"to", "2023-02-30"}, {"to", "99999999999999999999"}, {"to", "253402300800000"}}) {
        auto bad = get({{name, value}});
        EXPECT_EQ(bad.status, 400) << name << "=" << value;
        EXPECT_EQ(json(bad)->getObject("error")->getValue<std::string>("field"), name);
    }
    EXPECT_EQ(get({{"from", "2023-11-05"}, {"to", "2023-11-01"}}).status, 400);
    EXPECT_EQ(get({{"widget_id", "unknown"}}).status, 404);
}

} // namespace
