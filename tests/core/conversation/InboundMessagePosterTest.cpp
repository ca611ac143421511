#include "core/conversation/InboundMessagePoster.h"
#include "tests/support/MessageServicesFixture.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::MessageServicesFixture;
namespace sdk = switchboard::sdk;
using Kind = sdk::InboundOutcome::Kind;

namespace {

config::WidgetConfig widget(const std::string& id, config::UnmatchedInbound unmatched) {
    config::WidgetConfig widget;
    widget.id = id;
    widget.name = id;
    widget.prechat.fields = {{"name", "Name", "name", true, 100}, {"phone", "Phone", "phone", false, 20}};
    widget.inbound.unmatched = unmatched;
    return widget;
}

class InboundMessagePosterTest : public MessageServicesFixture {
protected:
    InboundMessagePosterTest()
        : MessageServicesFixture(
              {widget("demo", config::UnmatchedInbound::Open), widget("strict", config::UnmatchedInbound::Refuse)}, 40),
          poster(*database, widgets, clock, events, messages, visitorChannels) {}

    conversation::WidgetSession startVisitor(const std::string& widgetId, const std::string& phone) {
        conversation::WidgetStart start;
        start.widgetId = widgetId;
        start.name = "Ada";
        start.phone = phone;
        start.clientIp = "203.0.113.9";
        return sessions.start(start);
    }

    static sdk::InboundMessage whatsapp(const std::string& widgetId, const std::string& externalId) {
        sdk::InboundMessage inbound;
        inbound.widgetId = widgetId;
        inbound.address = "whatsapp:+447700900123";
        inbound.from.name = "Ada";
        inbound.text = "Replying on WhatsApp";
        inbound.externalId = externalId;
        return inbound;
    }

    std::size_t messageCount(const std::string& conversationId) {
        const auto view = *database->read(
            [&](store::Sql& sql) { return store::ConversationRepository().findView(sql, conversationId); });
        return messages.visitorMessagesAfter(view.visitor, conversationId, 0, 10).messages.size();
    }

    conversation::InboundMessagePoster poster;
};

TEST_F(InboundMessagePosterTest, AMessageFindsTheContactsOpenConversationByItsAddressAndIsStoredOnce) {
    const auto session = startVisitor("demo", "+447700900123");
    startVisitor("demo", "+15550000000"); // someone else
    const auto& conversationId = session.view.conversation.id;

    const auto stored = poster.post("whatsapp", whatsapp("demo", "SM1"));
    EXPECT_EQ(stored.kind, Kind::Stored);
    EXPECT_EQ(stored.conversationId, conversationId);
    EXPECT_FALSE(stored.openedConversation);
    const auto again = poster.post("whatsapp", whatsapp("demo", "SM1")); // the provider called back twice
    EXPECT_EQ(again.kind, Kind::Duplicate);
    EXPECT_EQ(again.conversationId, conversationId);
    EXPECT_EQ(messageCount(conversationId), 1u);
}

TEST_F(InboundMessagePosterTest, ANamedConversationWinsOverTheAddress) {
    const auto mine = startVisitor("demo", "+447700900123");
    const auto other = startVisitor("demo", "+15550000000");
    auto inbound = whatsapp("demo", "SM2");
    inbound.conversationId = other.view.conversation.id;
    EXPECT_EQ(poster.post("whatsapp", inbound).conversationId, other.view.conversation.id);
    EXPECT_EQ(messageCount(mine.view.conversation.id), 0u);
}

TEST_F(InboundMessagePosterTest, AnUnmatchedMessageOpensAConversationForANewVisitorWhereTheWidgetSaysOpen) {
    published.clear();
    const auto opened = poster.post("whatsapp", whatsapp("demo", "SM3"));
    EXPECT_EQ(opened.kind, Kind::Stored);
    EXPECT_TRUE(opened.openedConversation);
    ASSERT_FALSE(opened.conversationId.empty());
    const auto view = *database->read(
        [&](store::Sql& sql) { return store::ConversationRepository().findView(sql, opened.conversationId); });
    EXPECT_EQ(view.conversation.widgetId, "demo");
    EXPECT_EQ(view.conversation.status, conversation::ConversationStatus::Pending);
    EXPECT_EQ(view.visitor.phone, "+447700900123");
    EXPECT_EQ(view.visitor.name, "Ada");
    EXPECT_EQ(messageCount(opened.conversationId), 1u);
    EXPECT_EQ(published, (std::vector<std::string>{"conversation:new", "message:new"}));

    // The next message from them lands in that conversation; the same one again is stored once.
    EXPECT_EQ(poster.post("whatsapp", whatsapp("demo", "SM3")).kind, Kind::Duplicate);
    const auto next = poster.post("whatsapp", whatsapp("demo", "SM4"));
    EXPECT_EQ(next.conversationId, opened.conversationId);
    EXPECT_FALSE(next.openedConversation);
}

TEST_F(InboundMessagePosterTest, AnUnmatchedMessageIsRefusedWithTheReasonWhereTheWidgetSaysRefuse) {
    startVisitor("demo", "+447700900123"); // open, but in another widget
    const auto refused = poster.post("whatsapp", whatsapp("strict", "SM5"));
    EXPECT_EQ(refused.kind, Kind::Refused);
    EXPECT_EQ(refused.conversationId, "");
    EXPECT_NE(refused.reason.find("inbound.unmatched: refuse"), std::string::npos) << refused.reason;
    EXPECT_NE(refused.reason.find("whatsapp:+447700900123"), std::string::npos) << refused.reason;

    const auto session = startVisitor("strict", "+447700900123");
    EXPECT_EQ(poster.post("whatsapp", whatsapp("strict", "SM5")).conversationId, session.view.conversation.id);
}

TEST_F(InboundMessagePosterTest, WhatCannotBeStoredIsRefusedWithTheReason) {
    auto unknownWidget = whatsapp("nowhere", "SM6");
    EXPECT_EQ(poster.post("whatsapp", unknownWidget).reason, "there is no widget 'nowhere'");
    auto empty = whatsapp("demo", "SM7");
    empty.text = "   ";
    EXPECT_EQ(poster.post("whatsapp", empty).kind, Kind::Refused);
    auto anonymous = whatsapp("demo", "SM8");
    anonymous.address.clear();
    EXPECT_EQ(poster.post("whatsapp", anonymous).reason, "the message names neither a conversation nor the contact's address");

    const auto session = startVisitor("demo", "+447700900123");
    poster.post("whatsapp", whatsapp("demo", "SM9"));
    auto changed = whatsapp("demo", "SM9");
    changed.text = "Another text under the same id";
    const auto conflict = poster.post("whatsapp", changed);
    EXPECT_EQ(conflict.kind, Kind::Refused);
    EXPECT_EQ(messageCount(session.view.conversation.id), 1u);
}

} // namespace

TEST_F(InboundMessagePosterTest, AMessageThroughAChannelThatReachesVisitorsSetsTheVisitorChannelOthersLeaveItAlone) {
    visitorChannels.add("whatsapp", "WhatsApp", sdk::VisitorReach::Phone);
    const auto session = startVisitor("demo", "+447700900123");
    const auto& conversationId = session.view.conversation.id;
    const auto visitorChannelOf = [&] {
        return database->read([&](store::Sql& sql) { return store::ConversationRepository().find(sql, conversationId); });
    };

    poster.post("crm", whatsapp("demo", "SM1")); // an instance that reaches no visitor
    EXPECT_EQ(visitorChannelOf()->visitorChannel, std::nullopt);
    poster.post("whatsapp", whatsapp("demo", "SM2"));
    EXPECT_EQ(visitorChannelOf()->visitorChannel, "whatsapp");
    EXPECT_EQ(visitorChannelOf()->visitorAddress, "whatsapp:+447700900123");
}
