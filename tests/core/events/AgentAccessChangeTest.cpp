#include "core/events/AgentAccessChange.h"

#include <gtest/gtest.h>

namespace switchboard::core::events {
namespace {

/// The change as it comes off the bus, as the real-time endpoint reads it.
AgentAccessChange carried(const AgentAccessChange& change) {
    const auto event = change.event();
    EXPECT_TRUE(event.rooms.empty()) << "an access change must never be sent to a socket";
    return AgentAccessChange::of(event).value();
}

TEST(AgentAccessChangeTest, AllSessionsOfAnAgentCloseEveryOneOfItsSockets) {
    const auto change = carried(AgentAccessChange::allSessionsOf("ada"));
    EXPECT_TRUE(change.affects("ada", "session-1"));
    EXPECT_TRUE(change.affects("ada", "session-2"));
    EXPECT_FALSE(change.affects("bob", "session-1"));
}

TEST(AgentAccessChangeTest, OneSessionClosesOnlyTheSocketsItSignedIn) {
    const auto change = carried(AgentAccessChange::session("session-1"));
    EXPECT_TRUE(change.affects("ada", "session-1"));
    EXPECT_FALSE(change.affects("ada", "session-2"));
}

TEST(AgentAccessChangeTest, AllButOneSessionSparesThatOneAndOtherAgents) {
    const auto change = carried(AgentAccessChange::allSessionsBut("ada", "session-1"));
    EXPECT_FALSE(change.affects("ada", "session-1"));
    EXPECT_TRUE(change.affects("ada", "session-2"));
    EXPECT_FALSE(change.affects("bob", "session-2"));
}

TEST(AgentAccessChangeTest, OtherEventsAreNotAccessChanges) {
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("agent_id", "ada");
    EXPECT_FALSE(AgentAccessChange::of({"agent:status_changed", payload, {{Room::Kind::Agent, "ada"}}}));
}

} // namespace
} // namespace switchboard::core::events
