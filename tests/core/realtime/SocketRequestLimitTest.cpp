#include "core/realtime/SocketRequestLimit.h"

#include "core/http/WidgetGate.h"
#include "tests/support/UnconnectedSocket.h"

#include <gtest/gtest.h>

namespace switchboard::core::realtime {
namespace {

class SocketRequestLimitTest : public ::testing::Test {
protected:
    SocketRequestLimitTest() : limiter(clock), limit(limiter, config::PublicRateLimits{5}) {}

    std::unique_ptr<Connection> socketOf(SocketIdentity::Kind kind, std::uint64_t id = 1) {
        auto connection = std::make_unique<Connection>(id, tests::unconnectedSocket(), 4096, 4096);
        connection->identity = std::make_unique<SocketIdentity>();
        connection->identity->kind = kind;
        connection->identity->visitor.id = "visitor-1";
        connection->identity->visitor.ip = "203.0.113.9";
        return connection;
    }

    common::ManualClock clock;
    limits::RateLimiter limiter;
    SocketRequestLimit limit;
};

TEST_F(SocketRequestLimitTest, AVisitorSocketSharesItsAddresssBudgetWithTheRestApi) {
    const auto visitor = socketOf(SocketIdentity::Kind::Visitor);
    // Two requests over REST from the same address.
    limiter.hit(http::WidgetGate::addressKey("203.0.113.9"), 5, 60);
    limiter.hit(http::WidgetGate::addressKey("203.0.113.9"), 5, 60);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(limit.admit(*visitor).outcome, SocketRequestLimit::Outcome::Allowed);
    const auto refused = limit.admit(*visitor);
    EXPECT_EQ(refused.outcome, SocketRequestLimit::Outcome::Refused);
    EXPECT_GE(refused.retryAfterS, 1);
}

TEST_F(SocketRequestLimitTest, ASocketThatKeepsSendingOnceRefusedIsFlooding) {
    const auto visitor = socketOf(SocketIdentity::Kind::Visitor);
    for (int i = 0; i < 5; ++i) ASSERT_EQ(limit.admit(*visitor).outcome, SocketRequestLimit::Outcome::Allowed);
    for (int i = 0; i < SocketRequestLimit::RefusalsBeforeClose; ++i) {
        ASSERT_EQ(limit.admit(*visitor).outcome, SocketRequestLimit::Outcome::Refused);
    }
    EXPECT_EQ(limit.admit(*visitor).outcome, SocketRequestLimit::Outcome::Flooding);
    // Another socket of the address is refused, not yet flooding.
    EXPECT_EQ(limit.admit(*socketOf(SocketIdentity::Kind::Visitor, 2)).outcome, SocketRequestLimit::Outcome::Refused);
}

TEST_F(SocketRequestLimitTest, TheBudgetComesBackWithTime) {
    const auto visitor = socketOf(SocketIdentity::Kind::Visitor);
    for (int i = 0; i < 5; ++i) ASSERT_EQ(limit.admit(*visitor).outcome, SocketRequestLimit::Outcome::Allowed);
    ASSERT_EQ(limit.admit(*visitor).outcome, SocketRequestLimit::Outcome::Refused);
    clock.advanceMs(60'000);
    EXPECT_EQ(limit.admit(*visitor).outcome, SocketRequestLimit::Outcome::Allowed);
}

TEST_F(SocketRequestLimitTest, AgentSocketsAreNotLimitedByAddress) {
    const auto agent = socketOf(SocketIdentity::Kind::Agent);
    for (int i = 0; i < 100; ++i) ASSERT_EQ(limit.admit(*agent).outcome, SocketRequestLimit::Outcome::Allowed);
}

} // namespace
} // namespace switchboard::core::realtime
