#include "core/events/EventNames.h"
#include "tests/support/SocketIoHarness.h"

#include <gtest/gtest.h>

namespace switchboard::core::realtime {
namespace {

namespace names = events::names;

class VisitorEventsTest : public tests::SocketIoHarness {
protected:
    VisitorEventsTest() : session(world.startVisitor()), visitor(connectVisitor(session)) {}

    const std::string& conversationId() const { return session.view.conversation.id; }

    conversation::WidgetSession session;
    Connection& visitor;
};

TEST_F(VisitorEventsTest, AMessageIsStoredAndAcknowledgedAsTheRestApiReturnsIt) {
    emit(visitor, std::string(names::VisitorSendMessage), R"({"text":"hello","client_msg_id":"m-1"})", 1);
    const auto stored = ack(visitor, 1);
    EXPECT_EQ(stored->getValue<std::string>("text"), "hello");
    EXPECT_EQ(stored->getValue<std::string>("conversation_id"), conversationId());
    // The same client_msg_id again returns the original.
    emit(visitor, std::string(names::VisitorSendMessage), R"({"text":"hello","client_msg_id":"m-1"})", 2);
    EXPECT_EQ(ack(visitor, 2)->getValue<std::string>("id"), stored->getValue<std::string>("id"));
}

TEST_F(VisitorEventsTest, AMessageWithoutTextIsAMissingField) {
    emit(visitor, std::string(names::VisitorSendMessage), "{}", 1);
    const auto error = ack(visitor, 1)->getObject("error");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->getValue<std::string>("code"), "missing_field");
    EXPECT_EQ(error->getValue<std::string>("field"), "text");
}

TEST_F(VisitorEventsTest, SyncReturnsTheMessagesAfterTheGivenSequence) {
    for (const char* text : {"one", "two", "three"}) {
        world.messages.postVisitorMessage(session.view.visitor, conversationId(), text, std::nullopt);
    }
    emit(visitor, std::string(names::VisitorSync), R"({"after_seq":1})", 4);
    const auto page = ack(visitor, 4);
    const auto messages = page->getArray("messages");
    ASSERT_TRUE(messages);
    ASSERT_EQ(messages->size(), 2u);
    EXPECT_EQ(messages->getObject(0)->getValue<std::string>("text"), "two");
    EXPECT_FALSE(page->getValue<bool>("has_more"));
}

TEST_F(VisitorEventsTest, SyncRefusesASequenceThatIsNotAnInteger) {
    emit(visitor, std::string(names::VisitorSync), R"({"after_seq":"3"})", 5);
    const auto error = ack(visitor, 5)->getObject("error");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->getValue<std::string>("code"), "invalid_field");
    EXPECT_EQ(error->getValue<std::string>("field"), "after_seq");
}

TEST_F(VisitorEventsTest, AHeartbeatIsAnsweredWithThePresence) {
    emit(visitor, std::string(names::WidgetHeartbeat), "{}", 6);
    const auto presence = ack(visitor, 6);
    EXPECT_EQ(errorCode(presence), "");
    EXPECT_TRUE(presence->getValue<bool>("is_online"));
    emit(visitor, std::string(names::WidgetOffline), "{}", 7);
    EXPECT_FALSE(ack(visitor, 7)->getValue<bool>("is_online"));
}

TEST_F(VisitorEventsTest, TypingReachesTheAgentsOfTheWidgetButNotTheVisitor) {
    auto& agent = connectAgent(world.signInAgent());
    loop.runPosted();
    packets(agent);
    emit(visitor, std::string(names::VisitorTyping), R"({"is_typing":true})");
    const auto heard = events(agent, std::string(names::VisitorTyping));
    ASSERT_EQ(heard.size(), 1u);
    EXPECT_EQ(heard[0]->getValue<std::string>("conversation_id"), conversationId());
    EXPECT_EQ(heard[0]->getValue<std::string>("visitor_id"), session.view.visitor.id);
    EXPECT_TRUE(heard[0]->getValue<bool>("is_typing"));
    EXPECT_TRUE(events(visitor, std::string(names::VisitorTyping)).empty());
}

TEST_F(VisitorEventsTest, SyncRefusesANegativeSequenceAsTheRestApiDoes) {
    emit(visitor, std::string(names::VisitorSync), R"({"after_seq":-1})", 5);
    const auto error = ack(visitor, 5)->getObject("error");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->getValue<std::string>("code"), "invalid_field");
    EXPECT_EQ(error->getValue<std::string>("field"), "after_seq");
    // Beyond any integer the server holds: the same answer, not an internal error.
    emit(visitor, std::string(names::VisitorSync), R"({"after_seq":18446744073709551615})", 6);
    EXPECT_EQ(errorCode(ack(visitor, 6)), "invalid_field");
}

TEST_F(VisitorEventsTest, TypingAskedWithAnAckIsAcknowledged) {
    emit(visitor, std::string(names::VisitorTyping), R"({"is_typing":true})", 8);
    const auto answer = ack(visitor, 8);
    EXPECT_EQ(answer->getValue<std::string>("conversation_id"), conversationId());
    EXPECT_TRUE(answer->getValue<bool>("is_typing"));
    emit(visitor, std::string(names::VisitorTyping), R"({"is_typing":"yes"})", 9);
    EXPECT_EQ(errorCode(ack(visitor, 9)), "invalid_field");
}

TEST_F(VisitorEventsTest, TypingIsFannedOutAtMostOnceASecondAndTheLastStateFollows) {
    auto& agent = connectAgent(world.signInAgent());
    loop.runPosted();
    packets(agent);
    for (int i = 0; i < 200; ++i) emit(visitor, std::string(names::VisitorTyping), R"({"is_typing":true})");
    emit(visitor, std::string(names::VisitorTyping), R"({"is_typing":false})");
    const auto first = events(agent, std::string(names::VisitorTyping));
    ASSERT_EQ(first.size(), 1u);
    EXPECT_TRUE(first[0]->getValue<bool>("is_typing"));
    // The stop is held until the second has passed, then goes out on the socket's deadline.
    loop.advanceMs(999, protocol);
    loop.runPosted();
    EXPECT_TRUE(events(agent, std::string(names::VisitorTyping)).empty());
    loop.advanceMs(1, protocol);
    loop.runPosted();
    const auto stop = events(agent, std::string(names::VisitorTyping));
    ASSERT_EQ(stop.size(), 1u);
    EXPECT_FALSE(stop[0]->getValue<bool>("is_typing"));
    // The heartbeat keeps its own time.
    loop.advanceMs(PingIntervalMs - 1000, protocol);
    EXPECT_EQ(loop.takeSent(visitor.id()), std::vector<std::string>{"2"});
}

} // namespace
} // namespace switchboard::core::realtime
