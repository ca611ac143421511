#include "core/presence/AgentPresence.h"

#include "core/common/ApiError.h"
#include "core/common/Time.h"
#include "tests/support/RecordingEventBus.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using presence::AgentPresence;
using switchboard::tests::RecordingEventBus;
using switchboard::tests::roomsOf;

namespace {

using Names = std::vector<std::string>;

auth::Agent agent(const std::string& id, std::vector<std::string> widgets = {"shop"}, std::string role = "agent") {
    auth::Agent a;
    a.id = id;
    a.role = std::move(role);
    a.widgets = std::move(widgets);
    return a;
}

class AgentPresenceTest : public ::testing::Test {
protected:
    AgentPresenceTest()
        : presence(
              clock, bus, config(), [] { return Names{"blog", "shop", "support"}; },
              [this](const std::string& id, const std::string& status) { recorded.emplace_back(id, status); }) {}

    static config::PresenceConfig config() {
        config::PresenceConfig config;
        config.agentStaleS = 300;
        return config;
    }

    /// "id:status" of every agent listed.
    Names listed() const {
        Names out;
        for (const auto& state : presence.list()) out.push_back(state.agentId + ":" + state.status);
        return out;
    }

    /// The statuses announced so far.
    Names announced() const {
        Names out;
        for (const auto& event : bus.events()) out.push_back(event.payload->getValue<std::string>("status"));
        return out;
    }

    common::ManualClock clock;
    RecordingEventBus bus;
    std::vector<std::pair<std::string, std::string>> recorded;
    AgentPresence presence;
};

} // namespace

TEST_F(AgentPresenceTest, AStatusChangeIsAnnouncedToTheAgentAndTheWidgetsTheyServe) {
    presence.setStatus(agent("a1", {"shop", "support"}), "online");

    const auto events = bus.events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].name, "agent:status_changed");
    EXPECT_EQ(roomsOf(events[0]), (Names{"agent:a1", "widget:shop", "widget:support"}));
    EXPECT_EQ(events[0].payload->getValue<std::string>("agent_id"), "a1");
    EXPECT_EQ(events[0].payload->getValue<std::string>("status"), "online");
    EXPECT_EQ(events[0].payload->getValue<std::string>("at"), common::formatIso8601Ms(clock.nowMs()));
    EXPECT_EQ(recorded, (std::vector<std::pair<std::string, std::string>>{{"a1", "online"}}));
    EXPECT_EQ(listed(), Names{"a1:online"});
}

TEST_F(AgentPresenceTest, AdminsAreAnnouncedToEveryWidget) {
    presence.setStatus(agent("boss", {}, "admin"), "busy");
    ASSERT_EQ(bus.events().size(), 1u);
    EXPECT_EQ(roomsOf(bus.events()[0]), (Names{"agent:boss", "widget:blog", "widget:shop", "widget:support"}));
}

TEST_F(AgentPresenceTest, AnUnknownStatusIsRefusedWithoutChangingAnything) {
    try {
        presence.setStatus(agent("a1"), "sleeping");
        FAIL() << "expected an ApiError";
    } catch (const common::ApiError& error) {
        EXPECT_EQ(error.status(), 422);
        EXPECT_EQ(error.code(), "validation_failed");
        EXPECT_EQ(error.field(), "status");
    }
    EXPECT_TRUE(bus.events().empty());
    EXPECT_TRUE(recorded.empty());
    EXPECT_TRUE(listed().empty());
}

TEST_F(AgentPresenceTest, ListHoldsAgentsWhoAreNotOfflineWithAFreshHeartbeat) {
    presence.setStatus(agent("a1"), "online");
    presence.setStatus(agent("a2"), "away");
    presence.setStatus(agent("a3"), "offline");
    presence.setStatus(agent("a4"), "busy");
    const auto states = presence.list();
    EXPECT_EQ(listed(), (Names{"a1:online", "a2:away", "a4:busy"}));
    EXPECT_EQ(states[0].lastHeartbeatMs, clock.nowMs());
    // a3 chose the status its account already holds: nothing to announce or store.
    EXPECT_EQ(announced(), (Names{"online", "away", "busy"}));
    EXPECT_EQ(recorded.size(), 3u);
}

TEST_F(AgentPresenceTest, AnAgentGoesStaleExactlyAfterAgentStaleAndComesBackWithAHeartbeat) {
    presence.setStatus(agent("a1"), "away");
    clock.advanceMs(299'999);
    presence.sweep();
    EXPECT_EQ(listed(), Names{"a1:away"});

    clock.advanceMs(1);
    EXPECT_TRUE(listed().empty());
    presence.sweep();
    presence.sweep();
    EXPECT_EQ(announced(), (Names{"away", "offline"}));
    // Going stale is not a choice: the stored status stays what the agent chose.
    EXPECT_EQ(recorded, (std::vector<std::pair<std::string, std::string>>{{"a1", "away"}}));

    presence.heartbeat(agent("a1"));
    EXPECT_EQ(listed(), Names{"a1:away"});
    EXPECT_EQ(announced(), (Names{"away", "offline", "away"}));
}

TEST_F(AgentPresenceTest, HeartbeatsKeepAnAgentFresh) {
    presence.setStatus(agent("a1"), "online");
    for (int i = 0; i < 20; ++i) {
        clock.advanceMs(30'000);
        presence.heartbeat(agent("a1"));
        presence.sweep();
    }
    EXPECT_EQ(listed(), Names{"a1:online"});
    EXPECT_EQ(announced(), Names{"online"});
}

TEST_F(AgentPresenceTest, TheLastSocketClosingKeepsTheStatusButStopsTheHeartbeats) {
    presence.socketOpened(agent("a1"), 7);
    presence.setStatus(agent("a1"), "busy");
    EXPECT_EQ(presence.list().at(0).sockets, 1u);

    presence.socketClosed(7);
    EXPECT_EQ(listed(), Names{"a1:busy"});
    EXPECT_EQ(presence.list().at(0).sockets, 0u);

    clock.advanceMs(300'000);
    presence.sweep();
    EXPECT_TRUE(listed().empty());
    EXPECT_EQ(announced(), (Names{"busy", "offline"}));
}

TEST_F(AgentPresenceTest, LogoutIsOfflineUntilTheAgentChoosesAgain) {
    presence.setStatus(agent("a1"), "online");
    presence.logout(agent("a1"));
    EXPECT_TRUE(listed().empty());
    presence.heartbeat(agent("a1"));
    EXPECT_TRUE(listed().empty());

    EXPECT_EQ(announced(), (Names{"online", "offline"}));
    EXPECT_EQ(recorded, (std::vector<std::pair<std::string, std::string>>{{"a1", "online"}, {"a1", "offline"}}));
}

TEST_F(AgentPresenceTest, AnAgentFirstSeenKeepsTheStatusStoredWithTheAccount) {
    auto away = agent("a1");
    away.status = "away";
    presence.heartbeat(away);
    EXPECT_EQ(listed(), Names{"a1:away"});
    EXPECT_EQ(announced(), Names{"away"});

    auto offline = agent("a2");
    offline.status = "offline";
    presence.socketOpened(offline, 1);
    EXPECT_EQ(listed(), Names{"a1:away"});
    EXPECT_TRUE(recorded.empty());
}

TEST_F(AgentPresenceTest, SettingTheSameStatusAgainAnnouncesAndStoresNothing) {
    presence.setStatus(agent("a1"), "online");
    presence.setStatus(agent("a1"), "online");
    EXPECT_EQ(announced(), Names{"online"});
    EXPECT_EQ(recorded.size(), 1u);
}

TEST_F(AgentPresenceTest, ReachableCountsPresentAgentsOfTheWidgetWithAPortalOpen) {
    presence.socketOpened(agent("a1", {"shop"}), 1);
    presence.setStatus(agent("a1", {"shop"}), "online");
    presence.socketOpened(agent("a2", {"shop"}), 2);
    presence.setStatus(agent("a2", {"shop"}), "busy");
    presence.setStatus(agent("a3", {"shop"}), "online"); // present over HTTP only: no portal open
    presence.socketOpened(agent("a4", {"blog"}), 4);
    presence.setStatus(agent("a4", {"blog"}), "online");
    presence.socketOpened(agent("admin", {}, "admin"), 5);
    presence.setStatus(agent("admin", {}, "admin"), "online"); // admins serve every widget
    presence.socketOpened(agent("a6", {"shop"}), 6);
    presence.setStatus(agent("a6", {"shop"}), "offline");
    EXPECT_EQ(presence.reachableFor("shop"), 3u); // a1, a2, admin

    presence.socketClosed(2);
    EXPECT_EQ(presence.reachableFor("shop"), 2u);
    clock.advanceMs(300'000); // everyone's heartbeat went stale
    EXPECT_EQ(presence.reachableFor("shop"), 0u);
}

TEST_F(AgentPresenceTest, AvailableCountsOnlyOnlineAgentsOfTheWidgetWithAPortalOpen) {
    presence.socketOpened(agent("a1", {"shop"}), 1);
    presence.setStatus(agent("a1", {"shop"}), "online");
    presence.socketOpened(agent("a2", {"shop"}), 2);
    presence.setStatus(agent("a2", {"shop"}), "away");
    presence.setStatus(agent("a3", {"shop"}), "online"); // no portal open
    presence.socketOpened(agent("a4", {"blog"}), 4);
    presence.setStatus(agent("a4", {"blog"}), "online");
    EXPECT_EQ(presence.availableFor("shop"), 1u); // a1
    EXPECT_EQ(presence.availableFor("blog"), 1u);

    presence.setStatus(agent("a1", {"shop"}), "busy");
    EXPECT_EQ(presence.availableFor("shop"), 0u);
    presence.setStatus(agent("a2", {"shop"}), "online");
    EXPECT_EQ(presence.availableFor("shop"), 1u);
    clock.advanceMs(300'000); // stale
    EXPECT_EQ(presence.availableFor("shop"), 0u);
}
