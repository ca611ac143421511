#include "core/handover/HandoverAnalytics.h"

#include <gtest/gtest.h>

using namespace switchboard::core::handover;

namespace {

HandoverRequest request(const std::string& method, HandoverStatus status, std::optional<std::int64_t> notifyS,
                        std::optional<std::int64_t> completeS) {
    HandoverRequest r;
    r.method = method;
    r.status = status;
    r.createdAt = 1'000'000;
    if (notifyS) r.notifiedAt = r.createdAt + *notifyS * 1000;
    if (completeS) r.completedAt = r.createdAt + *completeS * 1000;
    return r;
}

} // namespace

TEST(HandoverAnalyticsTest, CountsRatesAndTimesOverallAndPerMethod) {
    const auto report = HandoverAnalytics::compute({
        request("webhook", HandoverStatus::Notified, 2, std::nullopt),
        request("webhook", HandoverStatus::Completed, 4, 60),
        request("webhook", HandoverStatus::Failed, std::nullopt, std::nullopt),
        request("portal", HandoverStatus::Completed, 1, 30),
        request("portal", HandoverStatus::Pending, std::nullopt, std::nullopt),
    });
    EXPECT_EQ(report.overall.requests, 5);
    EXPECT_EQ(report.overall.delivered, 3);
    EXPECT_EQ(report.overall.completed, 2);
    EXPECT_EQ(report.overall.failed, 1);
    EXPECT_EQ(report.overall.pending, 1);
    EXPECT_DOUBLE_EQ(*report.overall.successRate, 0.6);
    EXPECT_DOUBLE_EQ(*report.overall.avgSecondsToNotify, 7.0 / 3.0);
    EXPECT_DOUBLE_EQ(*report.overall.p90SecondsToNotify, 4.0);
    EXPECT_DOUBLE_EQ(*report.overall.avgSecondsToComplete, 45.0);

    const auto& webhook = report.byMethod.at("webhook");
    EXPECT_EQ(webhook.requests, 3);
    EXPECT_DOUBLE_EQ(*webhook.successRate, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(*webhook.p90SecondsToComplete, 60.0);
    EXPECT_EQ(report.byMethod.at("portal").completed, 1);
}

TEST(HandoverAnalyticsTest, NoRequestsMeansNoRatesRatherThanZeros) {
    const auto report = HandoverAnalytics::compute({});
    EXPECT_EQ(report.overall.requests, 0);
    EXPECT_FALSE(report.overall.successRate);
    EXPECT_FALSE(report.overall.p90SecondsToNotify);
    EXPECT_TRUE(report.byMethod.empty());
}

TEST(HandoverAnalyticsTest, PercentileIsNearestRank) {
    std::vector<double> values;
    for (int i = 1; i <= 10; ++i) values.push_back(i);
    EXPECT_DOUBLE_EQ(*HandoverAnalytics::percentile(values, 0.9), 9.0);
    EXPECT_DOUBLE_EQ(*HandoverAnalytics::percentile({5.0}, 0.9), 5.0);
    EXPECT_DOUBLE_EQ(*HandoverAnalytics::percentile({3.0, 1.0, 2.0}, 0.5), 2.0);
}
