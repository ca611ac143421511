#include "core/presence/ViewingRegistry.h"

#include "core/common/Time.h"
#include "tests/support/RecordingEventBus.h"

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include <algorithm>

using namespace switchboard::core;
using presence::ViewingRegistry;
using switchboard::tests::RecordingEventBus;
using switchboard::tests::roomsOf;

namespace {

using Names = std::vector<std::string>;

class ViewingRegistryTest : public ::testing::Test {
protected:
    ViewingRegistryTest() : viewing(clock, bus, config()) {}

    static config::PresenceConfig config() {
        config::PresenceConfig config;
        config.agentStaleS = 300;
        return config;
    }

    Names viewerIds(const std::string& conversationId) const {
        Names ids;
        for (const auto& viewer : viewing.viewers(conversationId)) ids.push_back(viewer.agentId);
        return ids;
    }

    /// The agent ids of each `conversation:viewing` event so far, as "conversation=a,b".
    Names announced() const {
        Names out;
        for (const auto& event : bus.events()) {
            std::string line = event.payload->getValue<std::string>("conversation_id") + "=";
            auto agents = event.payload->getArray("agents");
            for (std::size_t i = 0; i < agents->size(); ++i)
                line += (i ? "," : "") + agents->getObject(static_cast<unsigned>(i))->getValue<std::string>("agent_id");
            out.push_back(line);
        }
        return out;
    }

    common::ManualClock clock;
    RecordingEventBus bus;
    ViewingRegistry viewing;
};

} // namespace

TEST_F(ViewingRegistryTest, StartingToViewIsAnnouncedToTheAgentsOfTheWidget) {
    const auto startedAt = clock.nowMs();
    viewing.startViewing("a1", "c1", "shop", 7);

    const auto events = bus.events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].name, "conversation:viewing");
    EXPECT_EQ(roomsOf(events[0]), Names{"widget:shop"});
    EXPECT_EQ(events[0].payload->getValue<std::string>("conversation_id"), "c1");
    EXPECT_EQ(events[0].payload->getValue<std::string>("last_viewed_at"), common::formatIso8601Ms(startedAt));
    auto agents = events[0].payload->getArray("agents");
    ASSERT_EQ(agents->size(), 1u);
    EXPECT_EQ(agents->getObject(0)->getValue<std::string>("agent_id"), "a1");
    EXPECT_EQ(agents->getObject(0)->getValue<std::string>("since"), common::formatIso8601Ms(startedAt));

    ASSERT_EQ(viewing.viewers("c1").size(), 1u);
    EXPECT_EQ(viewing.viewers("c1")[0].sinceMs, startedAt);
    EXPECT_EQ(viewing.lastViewedAt("c1"), startedAt);
}

TEST_F(ViewingRegistryTest, ViewersAreListedLongestFirstAndKeepTheirStartTime) {
    viewing.startViewing("zed", "c1", "shop", 1);
    clock.advanceMs(1'000);
    viewing.startViewing("amy", "c1", "shop", 2);
    clock.advanceMs(1'000);
    viewing.startViewing("zed", "c1", "shop", 3);

    EXPECT_EQ(viewerIds("c1"), (Names{"zed", "amy"}));
    EXPECT_EQ(viewing.viewers("c1")[0].sinceMs, clock.nowMs() - 2'000);
    // A second tab of a viewer changes no one's view of the conversation.
    EXPECT_EQ(announced(), (Names{"c1=zed", "c1=zed,amy"}));
}

TEST_F(ViewingRegistryTest, ClosingASocketEndsTheViewingsItStarted) {
    viewing.startViewing("a1", "c1", "shop", 7);
    viewing.startViewing("a1", "c2", "blog", 7);
    viewing.startViewing("a2", "c1", "shop", 8);
    bus.clear();
    clock.advanceMs(5'000);

    viewing.socketClosed(7);

    EXPECT_EQ(viewerIds("c1"), Names{"a2"});
    EXPECT_TRUE(viewing.viewers("c2").empty());
    EXPECT_EQ(viewing.lastViewedAt("c2"), clock.nowMs());
    Names sorted = announced();
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, (Names{"c1=a2", "c2="}));
    for (const auto& event : bus.events()) {
        const bool shop = event.payload->getValue<std::string>("conversation_id") == "c1";
        EXPECT_EQ(roomsOf(event), Names{shop ? "widget:shop" : "widget:blog"});
    }
}

TEST_F(ViewingRegistryTest, AViewingHeldByTwoSocketsOutlivesOneOfThem) {
    viewing.startViewing("a1", "c1", "shop", 1);
    viewing.startViewing("a1", "c1", "shop", 2);
    viewing.socketClosed(1);
    EXPECT_EQ(viewerIds("c1"), Names{"a1"});
    viewing.stopViewing("a1", "c1", 2);
    EXPECT_TRUE(viewerIds("c1").empty());
    EXPECT_EQ(announced(), (Names{"c1=a1", "c1="}));
}

TEST_F(ViewingRegistryTest, StoppingWithoutASocketEndsTheWholeViewing) {
    viewing.startViewing("a1", "c1", "shop", 1);
    viewing.startViewing("a1", "c1", "shop", std::nullopt);
    viewing.stopViewing("a1", "c1", std::nullopt);
    EXPECT_TRUE(viewerIds("c1").empty());

    // The socket no longer holds anything: closing it announces nothing.
    bus.clear();
    viewing.socketClosed(1);
    EXPECT_TRUE(bus.events().empty());
}

TEST_F(ViewingRegistryTest, AViewingStartedOverHttpLastsAgentStaleUnlessStartedAgain) {
    viewing.startViewing("a1", "c1", "shop", std::nullopt);
    const auto since = clock.nowMs();
    clock.advanceMs(200'000);
    viewing.startViewing("a1", "c1", "shop", std::nullopt);

    clock.advanceMs(299'999);
    viewing.sweep();
    ASSERT_EQ(viewerIds("c1"), Names{"a1"});
    EXPECT_EQ(viewing.viewers("c1")[0].sinceMs, since);

    clock.advanceMs(1);
    viewing.sweep();
    EXPECT_TRUE(viewerIds("c1").empty());
    EXPECT_EQ(viewing.lastViewedAt("c1"), clock.nowMs());
    EXPECT_EQ(announced(), (Names{"c1=a1", "c1="}));
}

TEST_F(ViewingRegistryTest, ASocketViewingDoesNotExpire) {
    viewing.startViewing("a1", "c1", "shop", 3);
    clock.advanceMs(3'600'000);
    viewing.sweep();
    EXPECT_EQ(viewerIds("c1"), Names{"a1"});
}

TEST_F(ViewingRegistryTest, AConversationNeverViewedHasNoViewersNorLastViewedTime) {
    EXPECT_TRUE(viewing.viewers("c9").empty());
    EXPECT_FALSE(viewing.lastViewedAt("c9"));
    viewing.stopViewing("a1", "c9", std::nullopt);
    viewing.socketClosed(5);
    EXPECT_TRUE(bus.events().empty());
}
