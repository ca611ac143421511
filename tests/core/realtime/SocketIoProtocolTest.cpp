#include "core/events/EventNames.h"
#include "core/realtime/EnginePacket.h"
#include "tests/support/SocketIoHarness.h"

#include <gtest/gtest.h>

namespace switchboard::core::realtime {
namespace {

namespace names = events::names;

class SocketIoProtocolTest : public tests::SocketIoHarness {};

TEST_F(SocketIoProtocolTest, TheOpenPacketAnnouncesTheSessionAndTheTiming) {
    auto& connection = loop.add();
    protocol.opened(loop, connection);
    const auto sent = loop.takeSent(connection.id());
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].rfind("0{", 0), 0u);
    EXPECT_NE(sent[0].find("\"sid\":\"" + connection.sid + "\""), std::string::npos);
    EXPECT_NE(sent[0].find("\"pingInterval\":25000"), std::string::npos);
    EXPECT_EQ(loop.deadlineOf(connection.id()), world.clock.nowMs() + ConnectTimeoutMs);
}

TEST_F(SocketIoProtocolTest, ASocketWithoutConnectInTimeIsClosedWithPolicyViolation) {
    auto& connection = open();
    loop.advanceMs(ConnectTimeoutMs - 1, protocol);
    EXPECT_FALSE(loop.closedWith(connection.id()));
    loop.advanceMs(1, protocol);
    ASSERT_TRUE(loop.closedWith(connection.id()));
    EXPECT_EQ(loop.closedWith(connection.id())->code, 1008);
}

TEST_F(SocketIoProtocolTest, AVisitorConnectsWithItsTokenAndHearsItsConversation) {
    const auto session = world.startVisitor();
    auto& visitor = connectVisitor(session);
    ASSERT_TRUE(visitor.identity);
    EXPECT_TRUE(visitor.identity->isVisitor());
    EXPECT_EQ(visitor.identity->conversationId, session.view.conversation.id);
    EXPECT_EQ(visitor.rooms, std::vector<std::string>{"c:" + session.view.conversation.id});
}

TEST_F(SocketIoProtocolTest, AnUnknownTokenIsRefusedWithoutSayingWhy) {
    auto& connection = open();
    receive(connection, R"(40{"visitor_token":"not-a-token"})");
    const auto sent = packets(connection);
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].type(), SocketIoPacket::Type::ConnectError);
    EXPECT_EQ(sent[0].object()->getValue<std::string>("message"), "authentication failed");
    EXPECT_FALSE(connection.identity);
}

TEST_F(SocketIoProtocolTest, AConnectWhenTheWorkersAreSaturatedAsksToRetry) {
    workers.refusing = true;
    auto& connection = open();
    receive(connection, R"(40{"visitor_token":"whatever"})");
    const auto sent = packets(connection);
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].type(), SocketIoPacket::Type::ConnectError);
    EXPECT_EQ(sent[0].object()->getValue<std::string>("message"), "the hub is busy; retry");
    EXPECT_FALSE(connection.connecting);
}

TEST_F(SocketIoProtocolTest, AnotherNamespaceIsRefused) {
    auto& connection = open();
    receive(connection, "40/admin,");
    const auto sent = packets(connection);
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].type(), SocketIoPacket::Type::ConnectError);
    EXPECT_EQ(sent[0].nsp(), "/admin");
}

TEST_F(SocketIoProtocolTest, AnEventBeforeConnectClosesTheSocket) {
    auto& connection = open();
    emit(connection, std::string(names::VisitorSync), "{}", 1);
    ASSERT_TRUE(loop.closedWith(connection.id()));
    EXPECT_EQ(loop.closedWith(connection.id())->code, 1008);
}

TEST_F(SocketIoProtocolTest, AMalformedPacketClosesWithProtocolError) {
    auto& connection = open();
    receive(connection, "4not-a-packet");
    ASSERT_TRUE(loop.closedWith(connection.id()));
    EXPECT_EQ(loop.closedWith(connection.id())->code, 1002);
}

TEST_F(SocketIoProtocolTest, AnUnknownEventAskedWithAnAckIsAnsweredUnknownEvent) {
    auto& visitor = connectVisitor(world.startVisitor());
    emit(visitor, "visitor:dance", "{}", 7);
    EXPECT_EQ(errorCode(ack(visitor, 7)), "unknown_event");
}

TEST_F(SocketIoProtocolTest, AnAgentEventFromAVisitorIsUnknown) {
    auto& visitor = connectVisitor(world.startVisitor());
    emit(visitor, std::string(names::AgentHeartbeat), "{}", 3);
    EXPECT_EQ(errorCode(ack(visitor, 3)), "unknown_event");
}

TEST_F(SocketIoProtocolTest, ARequestWhenTheWorkersAreSaturatedIsAnsweredBusy) {
    auto& visitor = connectVisitor(world.startVisitor());
    workers.refusing = true;
    emit(visitor, std::string(names::VisitorSync), "{}", 2);
    EXPECT_EQ(errorCode(ack(visitor, 2)), "busy");
}

TEST_F(SocketIoProtocolTest, TheHubPingsAndClosesASocketThatDoesNotAnswer) {
    auto& visitor = connectVisitor(world.startVisitor());
    loop.advanceMs(PingIntervalMs, protocol);
    EXPECT_EQ(loop.takeSent(visitor.id()), std::vector<std::string>{EnginePacket::ping()});
    receive(visitor, "3");
    loop.advanceMs(PingTimeoutMs, protocol);
    EXPECT_FALSE(loop.closedWith(visitor.id())) << "the pong moved the next ping to a full interval";
    loop.advanceMs(PingIntervalMs - PingTimeoutMs, protocol);
    EXPECT_EQ(loop.takeSent(visitor.id()), std::vector<std::string>{EnginePacket::ping()});
    loop.advanceMs(PingTimeoutMs, protocol);
    ASSERT_TRUE(loop.closedWith(visitor.id()));
    EXPECT_EQ(loop.closedWith(visitor.id())->code, 1008);
}

TEST_F(SocketIoProtocolTest, ACommittedMessageReachesTheVisitorAndTheAgentsOfItsWidget) {
    world.bus.subscribe([this](const events::Event& event) { protocol.publish(event); });
    const auto session = world.startVisitor();
    auto& visitor = connectVisitor(session);
    auto& agent = connectAgent(world.signInAgent());
    loop.runPosted();
    packets(visitor);
    packets(agent);
    world.messages.postVisitorMessage(session.view.visitor, session.view.conversation.id, "hello", std::nullopt);
    loop.runPosted();
    const auto toVisitor = events(visitor, std::string(names::MessageNew));
    ASSERT_EQ(toVisitor.size(), 1u);
    EXPECT_EQ(toVisitor[0]->getValue<std::string>("text"), "hello");
    EXPECT_EQ(events(agent, std::string(names::MessageNew)).size(), 1u);
}

TEST_F(SocketIoProtocolTest, TheVisitorHearsWhatTheEventsProducerDecidedAndNothingWhenItDecidedNothing) {
    const auto session = world.startVisitor();
    auto& visitor = connectVisitor(session);
    auto& agent = connectAgent(world.signInAgent());
    loop.runPosted();
    packets(visitor);
    packets(agent);
    const std::vector<events::Room> rooms{{events::Room::Kind::Conversation, session.view.conversation.id},
                                          {events::Room::Kind::WidgetAgents, "demo"}};
    Poco::JSON::Object::Ptr full = new Poco::JSON::Object;
    full->set("conversation_id", session.view.conversation.id);
    full->set("tags", "vip");
    Poco::JSON::Object::Ptr forVisitor = new Poco::JSON::Object;
    forVisitor->set("status", "resolved");
    protocol.publish({std::string(names::ConversationResolved), full, rooms, forVisitor});
    loop.runPosted();
    const auto heard = events(visitor, std::string(names::ConversationResolved));
    ASSERT_EQ(heard.size(), 1u);
    EXPECT_EQ(heard[0]->getValue<std::string>("status"), "resolved");
    EXPECT_FALSE(heard[0]->has("tags"));
    const auto toAgent = events(agent, std::string(names::ConversationResolved));
    ASSERT_EQ(toAgent.size(), 1u);
    EXPECT_EQ(toAgent[0]->getValue<std::string>("tags"), "vip");

    protocol.publish({std::string(names::ConversationUpdated), full, rooms});
    loop.runPosted();
    EXPECT_TRUE(events(visitor, std::string(names::ConversationUpdated)).empty());
    EXPECT_EQ(events(agent, std::string(names::ConversationUpdated)).size(), 1u);
}

/// The protocol with a per-address limit of 5 events a minute.
class SocketIoProtocolLimitTest : public tests::SocketIoHarness {
protected:
    SocketIoProtocolLimitTest() : SocketIoHarness(config::PublicRateLimits{5}) {}
};

TEST_F(SocketIoProtocolLimitTest, AVisitorsEventsPastTheAddressLimitAreRefusedWithRetryAfter) {
    auto& visitor = connectVisitor(world.startVisitor());
    for (std::uint64_t id = 1; id <= 5; ++id) {
        emit(visitor, std::string(names::WidgetHeartbeat), "{}", id);
        EXPECT_EQ(errorCode(ack(visitor, id)), "");
    }
    emit(visitor, std::string(names::VisitorSync), "{}", 6);
    const auto refused = ack(visitor, 6)->getObject("error");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->getValue<std::string>("code"), "rate_limited");
    EXPECT_GE(refused->getValue<int>("retry_after"), 1);
    // After a minute the address may send again.
    world.clock.advanceMs(60'000);
    emit(visitor, std::string(names::WidgetHeartbeat), "{}", 7);
    EXPECT_EQ(errorCode(ack(visitor, 7)), "");
}

TEST_F(SocketIoProtocolLimitTest, ASocketThatKeepsSendingOnceRefusedIsClosedWithPolicyViolation) {
    auto& visitor = connectVisitor(world.startVisitor());
    for (int i = 0; i < 5; ++i) emit(visitor, std::string(names::VisitorTyping), R"({"is_typing":true})");
    for (int i = 0; i < SocketRequestLimit::RefusalsBeforeClose; ++i) {
        emit(visitor, std::string(names::VisitorTyping), R"({"is_typing":true})");
    }
    EXPECT_FALSE(loop.closedWith(visitor.id()));
    emit(visitor, std::string(names::VisitorTyping), R"({"is_typing":true})");
    ASSERT_TRUE(loop.closedWith(visitor.id()));
    EXPECT_EQ(loop.closedWith(visitor.id())->code, 1008);
}

TEST_F(SocketIoProtocolLimitTest, AnAgentsEventsAreNotLimitedByAddress) {
    auto& agent = connectAgent(world.signInAgent());
    for (std::uint64_t id = 1; id <= 50; ++id) {
        emit(agent, std::string(names::AgentHeartbeat), "{}", id);
        EXPECT_EQ(errorCode(ack(agent, id)), "");
    }
}

} // namespace
} // namespace switchboard::core::realtime
