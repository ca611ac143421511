#include "core/handover/DeliveryContextReader.h"
#include "core/handover/ContactOptOuts.h"
#include "core/store/ChannelThreadRepository.h"
#include "core/store/MessageRepository.h"
#include "tests/core/handover/HandoverFixture.h"

using namespace switchboard::core;
using switchboard::tests::HandoverFixture;
namespace sdk = switchboard::sdk;

namespace {

class DeliveryContextReaderTest : public HandoverFixture {
protected:
    void addMessages(const std::string& conversationId, int count) {
        database->write([&](store::Sql& sql) {
            for (int i = 1; i <= count; ++i) {
                conversation::Message message;
                message.id = conversationId + "-m" + std::to_string(i);
                message.conversationId = conversationId;
                message.seq = i;
                message.senderType = i % 2 ? "visitor" : "agent";
                message.text = "text " + std::to_string(i);
                message.createdAt = clock.nowMs() + i;
                store::MessageRepository().insert(sql, message);
            }
        });
    }

    static handover::OutboxDelivery deliveryOf(const std::string& id, sdk::DeliveryKind kind,
                                               const std::string& conversationId, const std::string& channel) {
        handover::OutboxDelivery delivery;
        delivery.id = id;
        delivery.kind = kind;
        delivery.conversationId = conversationId;
        delivery.channel = delivery.destination = channel;
        return delivery;
    }

    static sdk::Delivery handedOf(const handover::OutboxDelivery& delivery, const std::string& phone = "") {
        sdk::Delivery out;
        out.id = delivery.id;
        out.kind = delivery.kind;
        out.conversationId = delivery.conversationId;
        out.recipient.visitor = {"Ada Lovelace", "ada@example.com", phone};
        return out;
    }
};

TEST_F(DeliveryContextReaderTest, ABatchGetsEachDeliverysHistoryThreadAndRefusalInOneRead) {
    const auto first = seed(conversation::ConversationStatus::Bot, "1").conversationId;
    const auto second = seed(conversation::ConversationStatus::Bot, "2").conversationId;
    const auto third = seed(conversation::ConversationStatus::Bot, "3").conversationId;
    addMessages(first, 25);
    addMessages(second, 2);
    database->write([&](store::Sql& sql) {
        store::ChannelThreadRepository().save(sql, first, "webhook", "thread-1", clock.nowMs());
        store::ChannelThreadRepository().save(sql, first, "sms", "elsewhere", clock.nowMs());
        store::ChannelThreadRepository().save(sql, second, "sms", "thread-2", clock.nowMs());
    });
    handover::ContactOptOuts(*database, clock).record("sms", "+447700900123", true);

    const auto handover = deliveryOf("d-1", sdk::DeliveryKind::HandoverRequested, first, "webhook");
    const auto transcript = deliveryOf("d-2", sdk::DeliveryKind::Transcript, second, "sms");
    const auto optedOut = deliveryOf("d-3", sdk::DeliveryKind::HandoverRequested, third, "sms");
    auto deleted = deliveryOf("d-4", sdk::DeliveryKind::AgentMessage, second, "sms");
    deleted.messageId = "gone";
    std::vector<sdk::Delivery> out{handedOf(handover), handedOf(transcript), handedOf(optedOut, "+447700900123"),
                                   handedOf(deleted)};
    const auto refusals = database->read([&](store::Sql& sql) {
        return handover::DeliveryContextReader::readAll(
            sql, {{handover, out[0]}, {transcript, out[1]}, {optedOut, out[2]}, {deleted, out[3]}});
    });

    EXPECT_EQ(refusals, (std::vector<std::optional<std::string>>{std::nullopt, std::nullopt,
                                                                  "the contact opted out of sms",
                                                                  "the message was deleted"}));
    ASSERT_EQ(out[0].history.size(), sdk::historyLength(sdk::DeliveryKind::HandoverRequested));
    EXPECT_EQ(out[0].history.front().id, first + "-m6"); // the last 20 of 25, oldest first
    EXPECT_EQ(out[0].history.back().id, first + "-m25");
    EXPECT_EQ(out[0].history.back().senderType, sdk::SenderType::Visitor);
    EXPECT_EQ(out[0].threadReference, "thread-1");
    ASSERT_EQ(out[1].history.size(), 2u); // a transcript: the whole (short) conversation
    EXPECT_EQ(out[1].history.front().id, second + "-m1");
    EXPECT_EQ(out[1].history.back().senderType, sdk::SenderType::Agent);
    EXPECT_EQ(out[1].threadReference, "thread-2");
    EXPECT_TRUE(out[2].history.empty()); // refused: nothing more is read for it
    EXPECT_EQ(out[2].threadReference, "");
}

TEST_F(DeliveryContextReaderTest, AnAgentMessageCarriesItsMessageAndGoesToItsAddress) {
    const auto seeded = seed(conversation::ConversationStatus::Bot, "1");
    addMessages(seeded.conversationId, 2);
    auto delivery = deliveryOf("d-1", sdk::DeliveryKind::AgentMessage, seeded.conversationId, "sms");
    delivery.messageId = seeded.conversationId + "-m2";
    delivery.address = "+15550000000";
    sdk::Delivery out;
    out.kind = delivery.kind;
    const auto refusals = database->read(
        [&](store::Sql& sql) { return handover::DeliveryContextReader::readAll(sql, {{delivery, out}}); });

    EXPECT_EQ(refusals, (std::vector<std::optional<std::string>>{std::nullopt}));
    EXPECT_EQ(out.widgetId, "demo");
    EXPECT_EQ(out.recipient.address, "+15550000000");
    EXPECT_EQ(out.recipient.visitor.email, "ada@example.com");
    ASSERT_EQ(out.messages.size(), 1u);
    EXPECT_EQ(out.messages[0].text, "text 2");
    EXPECT_EQ(out.occurredAtMs, clock.nowMs() + 2);
    EXPECT_TRUE(out.history.empty()); // a message to the visitor carries no history
}

} // namespace
