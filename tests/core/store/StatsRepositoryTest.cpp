#include "core/store/StatsRepository.h"
#include "tests/core/store/ConversationSeed.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using Status = conversation::ConversationStatus;
using switchboard::tests::seedConversation;
using switchboard::tests::TestDatabase;

namespace {

conversation::Conversation makeConversation(const std::string& id, const std::string& widget, Status status,
                                            std::int64_t createdAt) {
    conversation::Conversation c;
    c.id = id;
    c.widgetId = widget;
    c.status = status;
    c.createdAt = createdAt;
    return c;
}

class StatsRepositoryTest : public ::testing::Test {
protected:
    StatsRepositoryTest() {
        auto c1 = makeConversation("c1", "demo", Status::Resolved, 10'000);
        c1.firstMessageAt = 11'000;
        c1.firstResponseAt = 15'000; // 4 s
        c1.resolvedAt = 70'000;      // 60 s
        c1.rating = 5;
        seedConversation(*database, c1, {"visitor", "bot", "visitor", "agent"});

        auto c2 = makeConversation("c2", "demo", Status::Active, 20'000);
        c2.firstResponseAt = 26'000; // 6 s from the start, as there is no visitor message
        c2.rating = 2;
        seedConversation(*database, c2, {"visitor", "agent", "agent", "system"});

        seedConversation(*database, makeConversation("c3", "demo", Status::Bot, 30'000), {"visitor", "bot"});

        auto c4 = makeConversation("c4", "sales", Status::Closed, 40'000);
        c4.firstMessageAt = 40'000;
        c4.firstResponseAt = 50'000; // 10 s
        c4.resolvedAt = 130'000;     // 90 s
        c4.rating = 4;
        seedConversation(*database, c4, {"visitor", "agent"});

        seedConversation(*database, makeConversation("c5", "sales", Status::Pending, 50'000), {});

        // Just outside [10'000, 200'000).
        auto early = makeConversation("early", "demo", Status::Resolved, 9'999);
        early.rating = 1;
        seedConversation(*database, early, {"visitor", "agent"});
        auto late = makeConversation("late", "sales", Status::Resolved, 200'000);
        late.rating = 1;
        seedConversation(*database, late, {"visitor", "visitor"});
    }

    conversation::ConversationStats compute(const std::optional<std::vector<std::string>>& widgets) {
        return database->read([&](store::Sql& sql) { return stats.compute(sql, 10'000, 200'000, widgets); });
    }

    TestDatabase database;
    store::StatsRepository stats;
};

TEST_F(StatsRepositoryTest, ComputesEveryFigureOverThePeriod) {
    const auto s = compute(std::nullopt);
    EXPECT_EQ(s.total, 5);
    EXPECT_EQ(s.bot, 1);
    EXPECT_EQ(s.pending, 1);
    EXPECT_EQ(s.active, 1);
    EXPECT_EQ(s.resolved, 1);
    EXPECT_EQ(s.closed, 1);
    ASSERT_TRUE(s.avgFirstResponseS);
    EXPECT_NEAR(*s.avgFirstResponseS, (4.0 + 6.0 + 10.0) / 3, 1e-9);
    ASSERT_TRUE(s.avgResolutionS);
    EXPECT_NEAR(*s.avgResolutionS, 75.0, 1e-9);
    ASSERT_TRUE(s.avgRating);
    EXPECT_NEAR(*s.avgRating, 11.0 / 3, 1e-9);
    EXPECT_EQ(s.ratingsCount, 3);
    EXPECT_EQ(s.visitorMessages, 5);
    EXPECT_EQ(s.agentMessages, 4);
}

TEST_F(StatsRepositoryTest, LimitsTheFiguresToTheGivenWidgets) {
    const auto s = compute(std::vector<std::string>{"demo"});
    EXPECT_EQ(s.total, 3);
    EXPECT_EQ(s.bot, 1);
    EXPECT_EQ(s.active, 1);
    EXPECT_EQ(s.resolved, 1);
    EXPECT_EQ(s.pending + s.closed, 0);
    EXPECT_NEAR(s.avgFirstResponseS.value_or(0), 5.0, 1e-9);
    EXPECT_NEAR(s.avgResolutionS.value_or(0), 60.0, 1e-9);
    EXPECT_NEAR(s.avgRating.value_or(0), 3.5, 1e-9);
    EXPECT_EQ(s.ratingsCount, 2);
    EXPECT_EQ(s.visitorMessages, 4);
    EXPECT_EQ(s.agentMessages, 3);

    EXPECT_EQ(compute(std::vector<std::string>{"demo", "sales"}).total, 5);
}

TEST_F(StatsRepositoryTest, AnEmptySelectionHasZeroCountsAndNoAverages) {
    for (const auto& widgets : {std::optional<std::vector<std::string>>(std::vector<std::string>{}),
                                std::optional<std::vector<std::string>>(std::vector<std::string>{"nobody"})}) {
        const auto s = compute(widgets);
        EXPECT_EQ(s.total, 0);
        EXPECT_EQ(s.ratingsCount, 0);
        EXPECT_EQ(s.visitorMessages, 0);
        EXPECT_FALSE(s.avgFirstResponseS);
        EXPECT_FALSE(s.avgResolutionS);
        EXPECT_FALSE(s.avgRating);
    }
}

} // namespace
