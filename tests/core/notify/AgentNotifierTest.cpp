#include "core/notify/AgentNotifier.h"

#include "core/common/Time.h"
#include "tests/support/RecordingEventBus.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::RecordingEventBus;
using switchboard::tests::roomsOf;

TEST(AgentNotifierTest, PublishesToTheWidgetsAgentsAndCountsThoseWhoCanSeeIt) {
    common::ManualClock clock;
    RecordingEventBus presenceBus;
    config::PresenceConfig settings;
    presence::AgentPresence agents(
        clock, presenceBus, settings, [] { return std::vector<std::string>{"shop"}; }, [](auto&, auto&) {});
    auth::Agent alice;
    alice.id = "alice";
    alice.widgets = {"shop"};
    agents.socketOpened(alice, 1);
    agents.setStatus(alice, "online");

    RecordingEventBus bus;
    notify::AgentNotifier notifier(bus, agents, clock);
    EXPECT_EQ(notifier.notify({"shop", "c1", "Ada asks for a person", "Can you call me?"}), 1);
    EXPECT_EQ(notifier.notify({"blog", "c2", "Bob asks for a person", "Waiting in the queue"}), 0);

    const auto events = bus.events();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].name, "notification:new");
    EXPECT_EQ(roomsOf(events[0]), std::vector<std::string>{"widget:shop"});
    const auto& payload = *events[0].payload;
    EXPECT_EQ(payload.getValue<std::string>("widget_id"), "shop");
    EXPECT_EQ(payload.getValue<std::string>("conversation_id"), "c1");
    EXPECT_EQ(payload.getValue<std::string>("title"), "Ada asks for a person");
    EXPECT_EQ(payload.getValue<std::string>("body"), "Can you call me?");
    EXPECT_EQ(payload.getValue<std::string>("created_at"), common::formatIso8601Ms(clock.nowMs()));
    EXPECT_EQ(payload.getValue<std::string>("id").size(), 36u);
}
