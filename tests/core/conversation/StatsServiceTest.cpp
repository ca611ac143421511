#include "core/common/ApiError.h"
#include "core/conversation/StatsService.h"
#include "tests/core/store/ConversationSeed.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using conversation::StatsQuery;
using Status = conversation::ConversationStatus;
using switchboard::tests::seedConversation;
using switchboard::tests::TestDatabase;

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
constexpr std::int64_t kNow = 1'700'000'000'000;

class StatsServiceTest : public ::testing::Test {
protected:
    StatsServiceTest()
        : clock(kNow), service(*database, clock, [](const std::string& id) { return id == "demo" || id == "other"; }) {
        admin.agent.role = "admin";
        agent.agent.widgets = {"demo"};

        // demo: answered in 30 s, resolved after 10 min, rated 4.
        add("d1", "demo", Status::Resolved, kNow - 2 * kDayMs, [](auto& c) {
            c.firstMessageAt = c.createdAt;
            c.firstResponseAt = c.createdAt + 30'000;
            c.resolvedAt = c.createdAt + 600'000;
            c.rating = 4;
        }, {"visitor", "agent", "visitor", "agent", "agent"});
        // demo: waiting for an agent, asked 10 s after it started.
        add("d2", "demo", Status::Pending, kNow - kDayMs, [](auto& c) { c.firstMessageAt = c.createdAt + 10'000; },
            {"bot", "visitor"});
        // sales: answered in 90 s, rated 1.
        add("s1", "sales", Status::Active, kNow - kDayMs, [](auto& c) {
            c.firstMessageAt = c.createdAt;
            c.firstResponseAt = c.createdAt + 90'000;
            c.rating = 1;
        }, {"visitor", "agent"});
        // demo, but 31 days ago: outside the default period.
        add("old", "demo", Status::Closed, kNow - 31 * kDayMs, [](auto& c) { c.rating = 5; }, {"visitor"});
    }

    template <class Change>
    void add(const std::string& id, const std::string& widget, Status status, std::int64_t createdAt,
             Change change, const std::vector<std::string>& senders) {
        conversation::Conversation c;
        c.id = id;
        c.widgetId = widget;
        c.status = status;
        c.createdAt = createdAt;
        change(c);
        seedConversation(*database, c, senders);
    }

    static std::string failureOf(const std::function<void()>& call) {
        try {
            call();
        } catch (const common::ApiError& error) {
            return std::to_string(error.status()) + "/" + error.code() + (error.field() ? "/" + *error.field() : "");
        }
        return "ok";
    }

    TestDatabase database;
    common::ManualClock clock;
    conversation::StatsService service;
    auth::Caller admin, agent;
};

TEST_F(StatsServiceTest, AdminsSeeEveryWidgetOverTheLastThirtyDaysByDefault) {
    const auto report = service.compute(admin, {});
    EXPECT_EQ(report.toMs, kNow);
    EXPECT_EQ(report.fromMs, kNow - 30 * kDayMs);
    EXPECT_FALSE(report.widgetId);

    const auto& s = report.stats;
    EXPECT_EQ(s.total, 3);
    EXPECT_EQ(s.bot, 0);
    EXPECT_EQ(s.pending, 1);
    EXPECT_EQ(s.active, 1);
    EXPECT_EQ(s.resolved, 1);
    EXPECT_EQ(s.closed, 0);
    EXPECT_NEAR(s.avgFirstResponseS.value_or(-1), 60.0, 1e-9); // (30 + 90) / 2
    EXPECT_NEAR(s.avgResolutionS.value_or(-1), 600.0, 1e-9);
    EXPECT_NEAR(s.avgRating.value_or(-1), 2.5, 1e-9);
    EXPECT_EQ(s.ratingsCount, 2);
    EXPECT_EQ(s.visitorMessages, 4);
    EXPECT_EQ(s.agentMessages, 4);
}

TEST_F(StatsServiceTest, AgentsSeeOnlyTheWidgetsTheyServe) {
    const auto s = service.compute(agent, {}).stats;
    EXPECT_EQ(s.total, 2);
    EXPECT_EQ(s.pending, 1);
    EXPECT_EQ(s.resolved, 1);
    EXPECT_EQ(s.active, 0);
    EXPECT_NEAR(s.avgFirstResponseS.value_or(-1), 30.0, 1e-9);
    EXPECT_NEAR(s.avgRating.value_or(-1), 4.0, 1e-9);
    EXPECT_EQ(s.visitorMessages, 3);
    EXPECT_EQ(s.agentMessages, 3);

    EXPECT_EQ(failureOf([&] { service.compute(agent, {std::nullopt, std::nullopt, std::string("sales")}); }),
              "404/not_found");
    EXPECT_EQ(failureOf([&] { service.compute(admin, {std::nullopt, std::nullopt, std::string("gone")}); }),
              "404/not_found");

    auth::Caller idle;
    idle.agent.widgets = {};
    const auto none = service.compute(idle, {}).stats;
    EXPECT_EQ(none.total, 0);
    EXPECT_FALSE(none.avgRating);
}

TEST_F(StatsServiceTest, AWidgetAndAnExplicitPeriodNarrowTheFigures) {
    StatsQuery query{kNow - 40 * kDayMs, kNow - kDayMs, std::string("demo")};
    const auto report = service.compute(admin, query);
    EXPECT_EQ(report.widgetId, "demo");
    EXPECT_EQ(report.fromMs, kNow - 40 * kDayMs);
    EXPECT_EQ(report.stats.total, 2); // "old" and d1; d2 starts exactly at `to`, which is excluded
    EXPECT_EQ(report.stats.closed, 1);
    EXPECT_EQ(report.stats.resolved, 1);
    EXPECT_NEAR(report.stats.avgRating.value_or(-1), 4.5, 1e-9);

    const auto onlyTo = service.compute(admin, {std::nullopt, kNow - 20 * kDayMs, std::nullopt});
    EXPECT_EQ(onlyTo.fromMs, kNow - 50 * kDayMs);
    EXPECT_EQ(onlyTo.stats.total, 1);
}

TEST_F(StatsServiceTest, RefusesAPeriodThatEndsBeforeItStarts) {
    EXPECT_EQ(failureOf([&] { service.compute(admin, {kNow, kNow, std::nullopt}); }), "400/invalid_field/from");
    EXPECT_EQ(failureOf([&] { service.compute(admin, {kNow, kNow - 1, std::nullopt}); }), "400/invalid_field/from");
}

} // namespace
