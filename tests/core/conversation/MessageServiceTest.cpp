#include "core/common/ApiError.h"
#include "core/conversation/MessageService.h"
#include "core/conversation/WidgetSessionService.h"
#include "core/events/LocalEventBus.h"
#include "core/store/AgentRepository.h"
#include "core/store/HandoverRepository.h"
#include "tests/support/MessageServicesFixture.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace switchboard::core;
using switchboard::tests::MessageServicesFixture;
namespace sdk = switchboard::sdk;

namespace {

config::WidgetConfig demoWidget() {
    config::WidgetConfig widget;
    widget.id = "demo";
    widget.name = "Demo";
    widget.prechat.fields = {{"name", "Name", "name", true, 100}, {"email", "Email", "email", false, 200}};
    widget.rateLimits.messagesPerVisitorPerMinute = 5;
    widget.rateLimits.conversationsPerIpPerHour = 3;
    return widget;
}

class MessageServiceTest : public MessageServicesFixture {
protected:
    MessageServiceTest() : MessageServicesFixture({demoWidget()}, 20) {
        database->write([this](store::Sql& sql) { store::AgentRepository().insert(sql, agent().agent); });
    }

    conversation::WidgetSession startVisitor(const std::string& ip = "203.0.113.5") {
        conversation::WidgetStart start;
        start.widgetId = "demo";
        start.name = "Ada";
        start.clientIp = ip;
        return sessions.start(start);
    }

    auth::Caller agent(const std::string& widget = "demo") {
        auth::Caller caller;
        caller.agent.id = "agent-1";
        caller.agent.displayName = "Grace";
        caller.agent.email = "grace@example.com";
        caller.agent.passwordHash = "unused";
        caller.agent.widgets = {widget};
        return caller;
    }

};

int statusOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const common::ApiError& error) {
        return error.status();
    }
    return 0;
}

TEST_F(MessageServiceTest, AssignsConsecutiveSequenceNumbersAndPublishesEachMessage) {
    auto session = startVisitor();
    const auto id = session.view.conversation.id;
    for (int i = 1; i <= 3; ++i) {
        auto posted = messages.postVisitorMessage(session.view.visitor, id, "hello " + std::to_string(i), std::nullopt);
        EXPECT_EQ(posted.message.seq, i);
        EXPECT_TRUE(posted.created);
    }
    auto page = messages.visitorMessagesAfter(session.view.visitor, id, 1, 100);
    ASSERT_EQ(page.messages.size(), 2u);
    EXPECT_EQ(page.messages[0].text, "hello 2");
    EXPECT_EQ(page.messages[1].seq, 3);
    EXPECT_EQ(std::count(published.begin(), published.end(), "message:new"), 3);
}

TEST_F(MessageServiceTest, RepeatedClientMessageIdReturnsTheOriginalAndDifferentTextConflicts) {
    auto session = startVisitor();
    const auto id = session.view.conversation.id;
    auto first = messages.postVisitorMessage(session.view.visitor, id, "once", std::string("c-1"));
    auto again = messages.postVisitorMessage(session.view.visitor, id, "once", std::string("c-1"));
    EXPECT_FALSE(again.created);
    EXPECT_EQ(again.message.id, first.message.id);
    EXPECT_EQ(again.message.seq, first.message.seq);
    EXPECT_EQ(statusOf([&] { messages.postVisitorMessage(session.view.visitor, id, "other", std::string("c-1")); }),
              409);
    EXPECT_EQ(messages.visitorMessagesAfter(session.view.visitor, id, 0, 100).messages.size(), 1u);
}

TEST_F(MessageServiceTest, RejectsEmptyOverlongAndInvalidText) {
    auto session = startVisitor();
    const auto id = session.view.conversation.id;
    EXPECT_EQ(statusOf([&] { messages.postVisitorMessage(session.view.visitor, id, "   ", std::nullopt); }), 422);
    // 20 characters is the limit in this fixture; multi-byte characters count once.
    EXPECT_EQ(statusOf([&] {
                  messages.postVisitorMessage(session.view.visitor, id, "ééééééééééééééééééé€", std::nullopt);
              }),
              0);
    EXPECT_EQ(statusOf([&] { messages.postVisitorMessage(session.view.visitor, id, std::string(21, 'x'), std::nullopt); }),
              422);
    EXPECT_EQ(statusOf([&] { messages.postVisitorMessage(session.view.visitor, id, "\xff\xfe", std::nullopt); }), 422);
}

TEST_F(MessageServiceTest, AnotherVisitorCannotWriteOrReadTheConversation) {
    auto owner = startVisitor();
    auto stranger = startVisitor("203.0.113.6");
    const auto id = owner.view.conversation.id;
    EXPECT_EQ(statusOf([&] { messages.postVisitorMessage(stranger.view.visitor, id, "hi", std::nullopt); }), 404);
    EXPECT_EQ(statusOf([&] { messages.visitorMessagesAfter(stranger.view.visitor, id, 0, 10); }), 404);
    EXPECT_EQ(statusOf([&] { messages.agentMessages(agent("other-widget"), id, std::nullopt, std::nullopt, 10); }), 404);
}

TEST_F(MessageServiceTest, FirstAgentReplyTakesTheConversationOver) {
    auto session = startVisitor();
    const auto id = session.view.conversation.id;
    messages.postVisitorMessage(session.view.visitor, id, "help", std::nullopt);
    clock.advanceMs(5000);
    auto reply = messages.postAgentMessage(agent(), id, "on it", std::nullopt);
    EXPECT_EQ(reply.message.senderType, "agent");
    EXPECT_EQ(reply.message.senderName, "Grace");
    EXPECT_NE(std::find(published.begin(), published.end(), "conversation:assigned"), published.end());
    auto visitorView = messages.visitorMessagesAfter(session.view.visitor, id, 1, 10);
    ASSERT_EQ(visitorView.messages.size(), 1u);
    EXPECT_EQ(visitorView.messages[0].text, "on it");
}

TEST_F(MessageServiceTest, VisitorMessagesAreRateLimitedPerMinute) {
    auto session = startVisitor();
    const auto id = session.view.conversation.id;
    for (int i = 0; i < 5; ++i) messages.postVisitorMessage(session.view.visitor, id, "m", std::nullopt);
    try {
        messages.postVisitorMessage(session.view.visitor, id, "m", std::nullopt);
        FAIL() << "the sixth message in a minute was accepted";
    } catch (const common::RateLimited& limited) {
        EXPECT_GE(limited.retryAfterS(), 1);
    }
    clock.advanceMs(60'000);
    EXPECT_TRUE(messages.postVisitorMessage(session.view.visitor, id, "m", std::nullopt).created);
}

TEST_F(MessageServiceTest, PagesBackwardsFromTheNewestMessage) {
    auto session = startVisitor();
    const auto id = session.view.conversation.id;
    for (int i = 1; i <= 5; ++i) messages.postAgentMessage(agent(), id, std::to_string(i), std::nullopt);
    auto latest = messages.agentMessages(agent(), id, std::nullopt, std::nullopt, 2);
    ASSERT_EQ(latest.messages.size(), 2u);
    EXPECT_EQ(latest.messages[0].seq, 4);
    EXPECT_EQ(latest.messages[1].seq, 5);
    EXPECT_TRUE(latest.hasMore);
    auto older = messages.agentMessages(agent(), id, 4, std::nullopt, 10);
    ASSERT_EQ(older.messages.size(), 3u);
    EXPECT_EQ(older.messages[0].seq, 1);
    EXPECT_FALSE(older.hasMore);
}

} // namespace

TEST_F(MessageServiceTest, AnInboundMessageIsStoredOnceInTheConversationOfItsWidget) {
    const auto session = startVisitor();
    const auto& conversationId = session.view.conversation.id;
    sdk::InboundMessage inbound;
    inbound.widgetId = "demo";
    inbound.from.name = "Ada on WhatsApp";
    inbound.text = "Replying on WhatsApp";
    inbound.externalId = "SM123";
    published.clear();
    const auto first = messages.postInboundMessage(conversationId, inbound, std::nullopt);
    EXPECT_TRUE(first.created);
    EXPECT_EQ(first.message.senderType, "visitor");
    EXPECT_EQ(first.message.senderName, "Ada on WhatsApp");
    const auto again = messages.postInboundMessage(conversationId, inbound, std::nullopt); // the provider called back twice
    EXPECT_FALSE(again.created);
    EXPECT_EQ(again.message.id, first.message.id);
    EXPECT_EQ(published, std::vector<std::string>{"message:new"});

    inbound.widgetId = "other";
    inbound.externalId = "SM124";
    try {
        messages.postInboundMessage(conversationId, inbound, std::nullopt);
        FAIL() << "expected a 404";
    } catch (const common::ApiError& e) {
        EXPECT_EQ(e.status(), 404); // the conversation is not that widget's
    }
}

namespace {

/// Posts an inbound message from `address` through `channel` into the conversation.
sdk::InboundMessage whatsappReply(const std::string& text, const std::string& externalId) {
    sdk::InboundMessage inbound;
    inbound.widgetId = "demo";
    inbound.address = "whatsapp:+447700900123";
    inbound.text = text;
    inbound.externalId = externalId;
    return inbound;
}

} // namespace

TEST_F(MessageServiceTest, AnInboundMessageThroughAChannelThatReachesVisitorsMakesItTheVisitorChannel) {
    const auto session = startVisitor();
    const auto& conversationId = session.view.conversation.id;
    const conversation::VisitorChannels::Reach whatsapp{"whatsapp", "WhatsApp", "whatsapp:+447700900123"};
    published.clear();
    messages.postInboundMessage(conversationId, whatsappReply("hi there", "wamid.1"), whatsapp);
    const auto stored = *database->read([&](store::Sql& sql) { return store::ConversationRepository().find(sql, conversationId); });
    EXPECT_EQ(stored.visitorChannel, "whatsapp");
    EXPECT_EQ(stored.visitorAddress, "whatsapp:+447700900123");
    // Agents hear of the change with the message.
    EXPECT_NE(std::find(published.begin(), published.end(), "conversation:updated"), published.end());
}

TEST_F(MessageServiceTest, AnAgentsReplyToAVisitorOnAnExternalChannelIsQueuedOnceForItInTheSameTransaction) {
    const auto session = startVisitor();
    const auto& conversationId = session.view.conversation.id;
    messages.postInboundMessage(conversationId, whatsappReply("hi there", "wamid.1"),
                                conversation::VisitorChannels::Reach{"whatsapp", "WhatsApp", "whatsapp:+447700900123"});
    const auto wakesBefore = outboxWakes;

    const auto posted = messages.postAgentMessage(agent(), conversationId, "Hello Ada", std::string("c-1"));
    ASSERT_TRUE(posted.delivery);
    EXPECT_EQ(posted.delivery->status, conversation::MessageDeliveryStatus::Queued);
    EXPECT_EQ(posted.delivery->channel, "whatsapp");
    EXPECT_EQ(posted.delivery->messageId, posted.message.id);
    EXPECT_EQ(outboxWakes, wakesBefore + 1);
    const auto queued = database->read([&](store::Sql& sql) {
        return store::HandoverRepository().messageDeliveries(sql, conversationId, 0, posted.message.seq);
    });
    ASSERT_EQ(queued.size(), 1u);
    EXPECT_EQ(queued[0].kind, sdk::DeliveryKind::AgentMessage);
    EXPECT_EQ(queued[0].messageId, posted.message.id);
    EXPECT_EQ(queued[0].address, "whatsapp:+447700900123");
    EXPECT_EQ(queued[0].requestId, std::nullopt);
    EXPECT_EQ(queued[0].dueAt, clock.nowMs());

    // A retried submission is the same message with the same delivery, not a second one.
    const auto again = messages.postAgentMessage(agent(), conversationId, "Hello Ada", std::string("c-1"));
    EXPECT_FALSE(again.created);
    ASSERT_TRUE(again.delivery);
    EXPECT_EQ(again.delivery->id, posted.delivery->id);
    EXPECT_EQ(database->read([&](store::Sql& sql) {
                  return store::HandoverRepository().messageDeliveries(sql, conversationId, 0, 100);
              }).size(),
              1u);
    // The agents' page shows it beside the message; the visitor's inbound message has none.
    const auto page = messages.agentMessages(agent(), conversationId, std::nullopt, std::nullopt, 10);
    ASSERT_EQ(page.deliveries.size(), 1u);
    EXPECT_EQ(page.deliveries.at(posted.message.id).id, posted.delivery->id);
}

TEST_F(MessageServiceTest, NothingIsQueuedForAVisitorReachedInTheWidgetOnlyNorForTheVisitorsOwnMessages) {
    const auto session = startVisitor();
    const auto& conversationId = session.view.conversation.id;
    const auto reply = messages.postAgentMessage(agent(), conversationId, "Hello", std::nullopt);
    EXPECT_FALSE(reply.delivery);
    messages.postInboundMessage(conversationId, whatsappReply("hi there", "wamid.1"),
                                conversation::VisitorChannels::Reach{"whatsapp", "WhatsApp", "whatsapp:+447700900123"});
    const auto own = messages.postVisitorMessage(session.view.visitor, conversationId, "and from the widget", std::nullopt);
    EXPECT_FALSE(own.delivery);
    EXPECT_EQ(outboxWakes, 0u);
    EXPECT_TRUE(database->read([&](store::Sql& sql) {
                    return store::HandoverRepository().messageDeliveries(sql, conversationId, 0, 100);
                }).empty());
}
