#include "core/events/EventNames.h"
#include "tests/support/SocketIoHarness.h"

#include <gtest/gtest.h>

namespace switchboard::core::realtime {
namespace {

namespace names = events::names;

class AgentEventsTest : public tests::SocketIoHarness {
protected:
    AgentEventsTest() : session(world.startVisitor()), agent(connectAgent(world.signInAgent())) {}

    const std::string& conversationId() const { return session.view.conversation.id; }
    std::string idArg() const { return "{\"conversation_id\":\"" + conversationId() + "\"}"; }

    conversation::WidgetSession session;
    Connection& agent;
};

TEST_F(AgentEventsTest, AnAgentSitsInItsOwnRoomAndItsWidgetsRooms) {
    EXPECT_EQ(agent.rooms, (std::vector<std::string>{"a:agent-1", "w:demo"}));
}

TEST_F(AgentEventsTest, JoiningAConversationPutsTheSocketInItsRoomAndLeavingTakesItOut) {
    emit(agent, std::string(names::AgentJoinConversation), idArg(), 1);
    EXPECT_TRUE(ack(agent, 1)->getValue<bool>("joined"));
    EXPECT_NE(std::find(agent.rooms.begin(), agent.rooms.end(), "c:" + conversationId()), agent.rooms.end());
    // The bare id works too.
    emit(agent, std::string(names::AgentLeaveConversation), "\"" + conversationId() + "\"", 2);
    EXPECT_FALSE(ack(agent, 2)->getValue<bool>("joined"));
    EXPECT_EQ(std::find(agent.rooms.begin(), agent.rooms.end(), "c:" + conversationId()), agent.rooms.end());
}

TEST_F(AgentEventsTest, JoiningAConversationThatDoesNotExistIsNotFound) {
    emit(agent, std::string(names::AgentJoinConversation), R"({"conversation_id":"nope"})", 1);
    EXPECT_EQ(errorCode(ack(agent, 1)), "not_found");
    EXPECT_EQ(agent.rooms.size(), 2u);
}

TEST_F(AgentEventsTest, AReplyIsStoredAndReachesTheVisitor) {
    world.bus.subscribe([this](const events::Event& event) { protocol.publish(event); });
    auto& visitor = connectVisitor(session);
    emit(agent, std::string(names::AgentSendMessage),
         "{\"conversation_id\":\"" + conversationId() + "\",\"text\":\"How can I help?\"}", 3);
    EXPECT_EQ(ack(agent, 3)->getValue<std::string>("text"), "How can I help?");
    const auto heard = events(visitor, std::string(names::MessageNew));
    ASSERT_EQ(heard.size(), 1u);
    EXPECT_EQ(heard[0]->getValue<std::string>("text"), "How can I help?");
}

TEST_F(AgentEventsTest, StatusAndHeartbeatAreAnswered) {
    emit(agent, std::string(names::AgentSetStatus), "\"away\"", 4);
    EXPECT_EQ(ack(agent, 4)->getValue<std::string>("status"), "away");
    emit(agent, std::string(names::AgentSetStatus), R"({"status":"dancing"})", 5);
    EXPECT_NE(errorCode(ack(agent, 5)), "");
    emit(agent, std::string(names::AgentHeartbeat), "{}", 6);
    EXPECT_EQ(ack(agent, 6)->getValue<int>("heartbeat_s"), world.presenceConfig.heartbeatS);
}

TEST_F(AgentEventsTest, ViewingIsTiedToTheSocket) {
    emit(agent, std::string(names::AgentViewing), idArg(), 7);
    EXPECT_TRUE(ack(agent, 7)->getValue<bool>("viewing"));
    EXPECT_FALSE(world.viewing.viewers(conversationId()).empty());
    protocol.closed(loop, agent);
    EXPECT_TRUE(world.viewing.viewers(conversationId()).empty());
}

TEST_F(AgentEventsTest, TypingGoesToTheConversationTheAgentJoined) {
    auto& visitor = connectVisitor(session);
    emit(agent, std::string(names::AgentJoinConversation), idArg(), 1);
    packets(agent);
    emit(agent, std::string(names::AgentTyping),
         "{\"conversation_id\":\"" + conversationId() + "\",\"is_typing\":true}");
    const auto heard = events(visitor, std::string(names::AgentTyping));
    ASSERT_EQ(heard.size(), 1u);
    EXPECT_EQ(heard[0]->getValue<std::string>("agent_id"), "agent-1");
    EXPECT_EQ(heard[0]->getValue<std::string>("agent_name"), "Grace");
}

TEST_F(AgentEventsTest, AnAccessChangeClosesTheAgentsSockets) {
    world.bus.subscribe([this](const events::Event& event) { protocol.publish(event); });
    world.auth.logout(agent.identity->agent.sessionTokenHash);
    loop.runPosted();
    ASSERT_TRUE(loop.closedWith(agent.id()));
    EXPECT_EQ(loop.closedWith(agent.id())->code, 1008);
}

TEST_F(AgentEventsTest, SyncRefusesANegativeSequence) {
    emit(agent, std::string(names::AgentSync),
         "{\"conversation_id\":\"" + conversationId() + "\",\"after_seq\":-5}", 8);
    const auto error = ack(agent, 8)->getObject("error");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->getValue<std::string>("code"), "invalid_field");
    EXPECT_EQ(error->getValue<std::string>("field"), "after_seq");
}

TEST_F(AgentEventsTest, TypingIntoAConversationNotJoinedIsAnsweredNotFound) {
    auto& visitor = connectVisitor(session);
    emit(agent, std::string(names::AgentTyping), idArg(), 9);
    EXPECT_EQ(errorCode(ack(agent, 9)), "not_found");
    EXPECT_TRUE(events(visitor, std::string(names::AgentTyping)).empty());
}

} // namespace
} // namespace switchboard::core::realtime
