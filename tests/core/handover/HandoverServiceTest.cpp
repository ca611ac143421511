#include "core/common/ApiError.h"
#include "core/handover/DeliveryLedger.h"
#include "core/store/MessageRepository.h"
#include "tests/core/handover/HandoverFixture.h"

#include <algorithm>

using namespace switchboard::core;
using switchboard::tests::HandoverFixture;

namespace {

class HandoverServiceTest : public HandoverFixture {
protected:
    static void expectApiError(const std::function<void()>& call, int status, const std::string& code,
                               const std::optional<std::string>& field = std::nullopt) {
        try {
            call();
            FAIL() << "expected " << code;
        } catch (const common::ApiError& e) {
            EXPECT_EQ(e.status(), status);
            EXPECT_EQ(e.code(), code);
            if (field) {
                EXPECT_EQ(e.field(), field);
            }
        }
    }

    auth::Caller admin() {
        auth::Caller caller;
        caller.agent.id = "admin-1";
        caller.agent.role = "admin";
        return caller;
    }
};

TEST_F(HandoverServiceTest, StoresTheRequestAndItsDeliveryAndMovesTheConversationToPending) {
    const auto seeded = seed();
    auto asked = ask(seeded, "webhook");
    asked.visitorMessage = "  I would like a quote  ";
    const auto answer = service.request(seeded.visitor, asked);

    EXPECT_TRUE(answer.created);
    EXPECT_EQ(answer.confirmation, "Our team will email you.");
    const auto stored = requestById(answer.request.id);
    EXPECT_EQ(stored.status, handover::HandoverStatus::Pending);
    EXPECT_EQ(stored.method, "webhook");
    EXPECT_EQ(stored.channel, "webhook");
    EXPECT_EQ(stored.visitorName, "Ada Lovelace"); // known from the pre-chat form
    EXPECT_EQ(stored.visitorEmail, "ada@example.com");
    EXPECT_EQ(stored.visitorMessage, "I would like a quote");
    EXPECT_EQ(stored.createdAt, clock.nowMs());

    const auto deliveries = deliveriesOf(stored.id);
    ASSERT_EQ(deliveries.size(), 1u);
    EXPECT_EQ(deliveries[0].status, handover::DeliveryStatus::Pending);
    EXPECT_EQ(deliveries[0].destination, "crm.example.com:443");
    EXPECT_EQ(deliveries[0].maxAttempts, 3);
    EXPECT_EQ(deliveries[0].dueAt, clock.nowMs());

    const auto conversation =
        database->read([&](store::Sql& sql) { return store::ConversationRepository().find(sql, seeded.conversationId); });
    EXPECT_EQ(conversation->status, conversation::ConversationStatus::Pending);
    EXPECT_EQ(conversation->handoverMethod, "webhook");
    EXPECT_EQ(published, (std::vector<std::string>{"message:new", "conversation:updated", "handover:updated"}));
    EXPECT_EQ(wakes, 1);
}

TEST_F(HandoverServiceTest, TheConfirmationIsStoredOnceAsASystemMessageOfTheConversation) {
    const auto seeded = seed();
    const auto answer = service.request(seeded.visitor, ask(seeded, "webhook"));
    ASSERT_TRUE(answer.notice);
    EXPECT_EQ(answer.notice->senderType, "system");
    EXPECT_EQ(answer.notice->text, "Our team will email you.");
    EXPECT_EQ(answer.notice->seq, 1);

    const auto again = service.request(seeded.visitor, ask(seeded, "webhook"));
    EXPECT_FALSE(again.created);
    EXPECT_FALSE(again.notice);

    const auto messages = database->read(
        [&](store::Sql& sql) { return store::MessageRepository().listAfter(sql, seeded.conversationId, 0, 10); });
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0].id, answer.notice->id);
    EXPECT_EQ(messages[0].text, "Our team will email you.");
    const auto conversation =
        database->read([&](store::Sql& sql) { return store::ConversationRepository().find(sql, seeded.conversationId); });
    EXPECT_EQ(conversation->lastSeq, 1);
    EXPECT_EQ(conversation->lastMessageSender, "system");
    EXPECT_EQ(conversation->unreadByAgent, 0);
    EXPECT_EQ(conversation->unreadByVisitor, 0);
}

TEST_F(HandoverServiceTest, ARefusedRequestLeavesNoSystemMessage) {
    const auto seeded = seed(conversation::ConversationStatus::Active);
    EXPECT_THROW(service.request(seeded.visitor, ask(seeded)), common::ApiError);
    const auto messages = database->read(
        [&](store::Sql& sql) { return store::MessageRepository().listAfter(sql, seeded.conversationId, 0, 10); });
    EXPECT_TRUE(messages.empty());
}

TEST_F(HandoverServiceTest, WithoutAMethodTheDefaultIsUsed) {
    const auto seeded = seed();
    const auto answer = service.request(seeded.visitor, ask(seeded));
    EXPECT_EQ(answer.request.method, "portal");
    EXPECT_EQ(deliveriesOf(answer.request.id).at(0).destination, "portal");
}

TEST_F(HandoverServiceTest, ASecondRequestWhileOneIsOpenReturnsTheOpenOne) {
    const auto seeded = seed();
    const auto first = service.request(seeded.visitor, ask(seeded, "portal"));
    published.clear();
    const auto second = service.request(seeded.visitor, ask(seeded, "webhook"));
    EXPECT_FALSE(second.created);
    EXPECT_EQ(second.request.id, first.request.id);
    EXPECT_EQ(second.confirmation, "An agent will be with you shortly."); // the open request's method
    EXPECT_EQ(deliveriesOf(first.request.id).size(), 1u);
    EXPECT_TRUE(published.empty());
}

TEST_F(HandoverServiceTest, RequiredAndInvalidContactDetailsAreNamed) {
    auto seeded = seed();
    seeded.visitor.phone.reset();
    expectApiError([&] { service.request(seeded.visitor, ask(seeded, "sms")); }, 422, "validation_failed", "visitor_phone");
    auto badPhone = ask(seeded, "sms");
    badPhone.visitorPhone = "07700 900123";
    expectApiError([&] { service.request(seeded.visitor, badPhone); }, 422, "invalid_phone", "visitor_phone");
    auto badEmail = ask(seeded, "webhook");
    badEmail.visitorEmail = "not-an-email";
    expectApiError([&] { service.request(seeded.visitor, badEmail); }, 422, "invalid_email", "visitor_email");
    seeded.visitor.name.reset();
    expectApiError([&] { service.request(seeded.visitor, ask(seeded, "webhook")); }, 422, "validation_failed",
                   "visitor_name");
    expectApiError([&] { service.request(seeded.visitor, ask(seeded, "carrier-pigeon")); }, 422, "unknown_method",
                   "requested_method");
    auto longMessage = ask(seeded, "portal");
    longMessage.visitorMessage = std::string(handover::HandoverService::MaxMessageChars + 1, 'x');
    expectApiError([&] { service.request(seeded.visitor, longMessage); }, 422, "message_too_long", "visitor_message");
    // Nothing was stored by any of them.
    EXPECT_TRUE(database->read([&](store::Sql& sql) {
        return repository.listRequests(sql, {});
    }).empty());
}

TEST_F(HandoverServiceTest, APhoneGivenWithTheRequestSatisfiesTheMethod) {
    const auto seeded = seed();
    auto asked = ask(seeded, "sms");
    asked.visitorPhone = "+447700900123";
    EXPECT_EQ(service.request(seeded.visitor, asked).request.visitorPhone, "+447700900123");
}

TEST_F(HandoverServiceTest, SomeoneElsesConversationIsNotFoundAndClosedOrActiveOnesAreRefused) {
    const auto mine = seed(conversation::ConversationStatus::Bot, "1");
    const auto theirs = seed(conversation::ConversationStatus::Bot, "2");
    expectApiError([&] { service.request(mine.visitor, ask(theirs)); }, 404, "not_found");
    const auto resolved = seed(conversation::ConversationStatus::Resolved, "3");
    expectApiError([&] { service.request(resolved.visitor, ask(resolved)); }, 409, "conversation_closed");
    const auto active = seed(conversation::ConversationStatus::Active, "4");
    expectApiError([&] { service.request(active.visitor, ask(active)); }, 409, "conversation_active");
}

TEST_F(HandoverServiceTest, AWidgetWithoutHandoverRefuses) {
    auto widget = demoWidget();
    widget.handover.enabled = false;
    widgets.replace(widget);
    const auto seeded = seed();
    expectApiError([&] { service.request(seeded.visitor, ask(seeded)); }, 409, "handover_disabled");
}

TEST_F(HandoverServiceTest, RequestsAreRateLimitedPerVisitor) {
    const auto seeded = seed();
    for (int i = 0; i < handover::HandoverService::RequestsPerVisitorPerHour; ++i)
        service.request(seeded.visitor, ask(seeded));
    expectApiError([&] { service.request(seeded.visitor, ask(seeded)); }, 429, "rate_limited");
}

TEST_F(HandoverServiceTest, RetryIsForAdminsAndOnlyForFailedRequests) {
    const auto seeded = seed();
    const auto answer = service.request(seeded.visitor, ask(seeded, "webhook"));
    auth::Caller agent;
    agent.agent.id = "agent-1";
    agent.agent.widgets = {"demo"};
    expectApiError([&] { service.retry(agent, answer.request.id); }, 403, "forbidden");
    expectApiError([&] { service.retry(admin(), answer.request.id); }, 409, "not_failed");
    expectApiError([&] { service.retry(admin(), "no-such-request"); }, 404, "not_found");

    handover::DeliveryLedger ledger(*database, clock);
    const auto deliveryId = deliveriesOf(answer.request.id).at(0).id;
    ledger.book({deliveryId, clock.nowMs(), 10, switchboard::sdk::DeliveryResult::failed("HTTP 404 from crm.example.com"), 0});
    ASSERT_EQ(requestById(answer.request.id).status, handover::HandoverStatus::Failed);

    clock.advanceMs(1000);
    const auto retried = service.retry(admin(), answer.request.id);
    EXPECT_EQ(retried.status, handover::HandoverStatus::Pending);
    const auto delivery = deliveriesOf(answer.request.id).at(0);
    EXPECT_EQ(delivery.status, handover::DeliveryStatus::Pending);
    EXPECT_EQ(delivery.maxAttempts, 1 + 3);
    EXPECT_EQ(delivery.dueAt, clock.nowMs());
    EXPECT_FALSE(delivery.failedAt.has_value());
}

} // namespace

TEST_F(HandoverServiceTest, AHandoverToAChannelThatReachesVisitorsMakesItTheVisitorChannelAndOtherChannelsDoNot) {
    auto seeded = seed();
    auto sms = ask(seeded, "sms");
    sms.visitorPhone = "+447700900123";
    const auto answer = service.request(seeded.visitor, sms);
    const auto stored = *database->read(
        [&](store::Sql& sql) { return store::ConversationRepository().find(sql, seeded.conversationId); });
    EXPECT_EQ(stored.visitorChannel, "sms");
    EXPECT_EQ(stored.visitorAddress, "+447700900123");
    EXPECT_EQ(deliveriesOf(answer.request.id).at(0).conversationId, seeded.conversationId);

    const auto other = seed(conversation::ConversationStatus::Bot, "2");
    service.request(other.visitor, ask(other, "webhook"));
    const auto untouched = *database->read(
        [&](store::Sql& sql) { return store::ConversationRepository().find(sql, other.conversationId); });
    EXPECT_EQ(untouched.visitorChannel, std::nullopt);
    EXPECT_EQ(untouched.visitorAddress, std::nullopt);
}
