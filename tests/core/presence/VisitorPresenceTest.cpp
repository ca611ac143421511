#include "core/presence/VisitorPresence.h"

#include "core/common/Time.h"
#include "tests/support/RecordingEventBus.h"

#include <gtest/gtest.h>

#include <memory>

using namespace switchboard::core;
using presence::VisitorPresence;
using switchboard::tests::RecordingEventBus;
using switchboard::tests::roomsOf;

namespace {

class VisitorPresenceTest : public ::testing::Test {
protected:
    /// Timeout 60 s, grace 5 s unless a test builds its own with `withGrace`.
    VisitorPresenceTest() { withGrace(5); }

    void withGrace(int graceS) {
        config::PresenceConfig config;
        config.heartbeatS = 30;
        config.visitorTimeoutS = 60;
        config.disconnectGraceS = graceS;
        presence = std::make_unique<VisitorPresence>(
            clock, bus, config, [this](const std::string& id, std::int64_t atMs) { lastSeen.emplace_back(id, atMs); });
    }

    void open(const std::string& visitorId, std::uint64_t socketId, const std::string& widgetId = "shop") {
        presence->socketOpened({visitorId, widgetId, "conversation-" + visitorId}, socketId);
    }

    bool isOnline(const std::string& visitorId) const { return presence->snapshot(visitorId).isOnline; }

    common::ManualClock clock;
    RecordingEventBus bus;
    std::vector<std::pair<std::string, std::int64_t>> lastSeen;
    std::unique_ptr<VisitorPresence> presence;
};

using Names = std::vector<std::string>;

} // namespace

TEST_F(VisitorPresenceTest, ConnectingBringsTheVisitorOnlineAndTellsTheWidgetsAgents) {
    open("v1", 1);

    const auto snapshot = presence->snapshot("v1");
    EXPECT_TRUE(snapshot.isOnline);
    EXPECT_EQ(snapshot.lastHeartbeatMs, clock.nowMs());
    EXPECT_EQ(snapshot.sockets, 1u);
    const auto events = bus.events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].name, "customer:online");
    EXPECT_EQ(roomsOf(events[0]), Names{"widget:shop"});
    EXPECT_EQ(events[0].payload->getValue<std::string>("visitor_id"), "v1");
    EXPECT_EQ(events[0].payload->getValue<std::string>("conversation_id"), "conversation-v1");
    EXPECT_EQ(events[0].payload->getValue<std::string>("widget_id"), "shop");
    EXPECT_EQ(events[0].payload->getValue<std::string>("at"), common::formatIso8601Ms(clock.nowMs()));
}

TEST_F(VisitorPresenceTest, EventsGoOnlyToTheAgentsOfTheVisitorsOwnWidget) {
    open("v1", 1, "shop");
    open("v2", 2, "blog");
    presence->heartbeat("v2");
    presence->offline("v1");

    const auto events = bus.events();
    ASSERT_EQ(events.size(), 4u);
    for (const auto& event : events) {
        const auto widget = event.payload->getValue<std::string>("widget_id");
        EXPECT_EQ(roomsOf(event), Names{"widget:" + widget}) << event.name;
    }
    EXPECT_EQ(events[1].payload->getValue<std::string>("widget_id"), "blog");
    EXPECT_EQ(events[3].payload->getValue<std::string>("widget_id"), "shop");
}

TEST_F(VisitorPresenceTest, SeveralTabsAreOneVisitorOnlineWhileAnyTabIs) {
    withGrace(0);
    open("v1", 1);
    open("v1", 2);
    EXPECT_EQ(presence->snapshot("v1").sockets, 2u);

    presence->socketClosed(1);
    EXPECT_TRUE(isOnline("v1"));
    EXPECT_EQ(presence->snapshot("v1").sockets, 1u);

    presence->socketClosed(2);
    EXPECT_FALSE(isOnline("v1"));
    EXPECT_EQ(bus.names(), (Names{"customer:online", "customer:heartbeat", "customer:offline"}));
    ASSERT_EQ(lastSeen.size(), 1u);
    EXPECT_EQ(lastSeen[0], std::make_pair(std::string("v1"), clock.nowMs()));
}

TEST_F(VisitorPresenceTest, HeartbeatTimeoutEndsExactlyAtTheBoundary) {
    const auto connectedAt = clock.nowMs();
    open("v1", 1);

    clock.advanceMs(59'999);
    presence->sweep();
    EXPECT_TRUE(isOnline("v1"));

    clock.advanceMs(1);
    presence->sweep();
    EXPECT_FALSE(isOnline("v1"));
    EXPECT_EQ(bus.names(), (Names{"customer:online", "customer:offline"}));
    // Last seen at the last heartbeat, not when the sweep noticed.
    EXPECT_EQ(bus.events()[1].payload->getValue<std::string>("at"), common::formatIso8601Ms(connectedAt));
    EXPECT_EQ(lastSeen, (std::vector<std::pair<std::string, std::int64_t>>{{"v1", connectedAt}}));
}

TEST_F(VisitorPresenceTest, HeartbeatsKeepTheVisitorOnline) {
    open("v1", 1);
    for (int i = 0; i < 5; ++i) {
        clock.advanceMs(30'000);
        presence->heartbeat("v1");
        presence->sweep();
    }
    EXPECT_TRUE(isOnline("v1"));
    clock.advanceMs(59'999);
    presence->sweep();
    EXPECT_TRUE(isOnline("v1"));
    EXPECT_EQ(bus.names().size(), 6u);
    EXPECT_EQ(bus.names().back(), "customer:heartbeat");
    EXPECT_TRUE(lastSeen.empty());
}

TEST_F(VisitorPresenceTest, ReconnectWithinTheGracePeriodDoesNotFlap) {
    open("v1", 1);
    presence->socketClosed(1);
    EXPECT_TRUE(isOnline("v1"));
    EXPECT_EQ(presence->snapshot("v1").sockets, 0u);

    clock.advanceMs(4'000);
    presence->sweep();
    open("v1", 2);
    clock.advanceMs(10'000);
    presence->sweep();

    EXPECT_TRUE(isOnline("v1"));
    EXPECT_EQ(bus.names(), (Names{"customer:online", "customer:heartbeat"}));
    EXPECT_TRUE(lastSeen.empty());
}

TEST_F(VisitorPresenceTest, GracePeriodEndsExactlyOnTimeAndRecordsWhenTheLastTabClosed) {
    open("v1", 1);
    clock.advanceMs(1'000);
    const auto closedAt = clock.nowMs();
    presence->socketClosed(1);

    clock.advanceMs(4'999);
    presence->sweep();
    EXPECT_TRUE(isOnline("v1"));

    clock.advanceMs(1);
    presence->sweep();
    EXPECT_FALSE(isOnline("v1"));
    EXPECT_EQ(bus.names(), (Names{"customer:online", "customer:offline"}));
    EXPECT_EQ(lastSeen, (std::vector<std::pair<std::string, std::int64_t>>{{"v1", closedAt}}));
    // Offline with no socket left: forgotten.
    EXPECT_FALSE(presence->snapshot("v1").lastHeartbeatMs);
}

TEST_F(VisitorPresenceTest, WithoutGraceTheLastTabClosingIsOfflineAtOnce) {
    withGrace(0);
    open("v1", 1);
    presence->socketClosed(1);
    EXPECT_FALSE(isOnline("v1"));
    EXPECT_EQ(bus.names(), (Names{"customer:online", "customer:offline"}));
    EXPECT_EQ(lastSeen.size(), 1u);
}

TEST_F(VisitorPresenceTest, ExplicitOfflineIsImmediateAndOnlyOnlineBringsTheVisitorBack) {
    open("v1", 1);
    clock.advanceMs(2'000);
    presence->offline("v1");
    EXPECT_FALSE(isOnline("v1"));
    EXPECT_EQ(presence->snapshot("v1").sockets, 1u);
    EXPECT_EQ(lastSeen, (std::vector<std::pair<std::string, std::int64_t>>{{"v1", clock.nowMs()}}));

    presence->heartbeat("v1");
    EXPECT_FALSE(isOnline("v1"));

    presence->online("v1");
    EXPECT_TRUE(isOnline("v1"));
    EXPECT_EQ(bus.names(), (Names{"customer:online", "customer:offline", "customer:online"}));
}

TEST_F(VisitorPresenceTest, AVisitorTimedOutWithAnOpenSocketComesBackOnWidgetOnline) {
    open("v1", 1);
    clock.advanceMs(60'000);
    presence->sweep();
    ASSERT_FALSE(isOnline("v1"));

    presence->online("v1");
    EXPECT_TRUE(isOnline("v1"));
    presence->socketClosed(1);
    clock.advanceMs(5'000);
    presence->sweep();
    EXPECT_FALSE(isOnline("v1"));
    EXPECT_EQ(bus.names(), (Names{"customer:online", "customer:offline", "customer:online", "customer:offline"}));
    EXPECT_EQ(lastSeen.size(), 2u);
}

TEST_F(VisitorPresenceTest, UnknownVisitorsAndSocketsChangeNothing) {
    presence->heartbeat("nobody");
    presence->online("nobody");
    presence->offline("nobody");
    presence->socketClosed(42);
    presence->sweep();

    const auto snapshot = presence->snapshot("nobody");
    EXPECT_FALSE(snapshot.isOnline);
    EXPECT_FALSE(snapshot.lastHeartbeatMs);
    EXPECT_EQ(snapshot.sockets, 0u);
    EXPECT_TRUE(bus.events().empty());
    EXPECT_TRUE(lastSeen.empty());
}

TEST_F(VisitorPresenceTest, SubscribersSeeTheNewStateAndMayReadItWhileNotified) {
    std::vector<bool> seen;
    bus.onPublish = [&](const events::Event&) { seen.push_back(presence->snapshot("v1").isOnline); };
    withGrace(0);
    open("v1", 1);
    presence->socketClosed(1);
    EXPECT_EQ(seen, (std::vector<bool>{true, false}));
}
