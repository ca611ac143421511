#include "core/handover/DeliveryLedger.h"
#include "tests/core/handover/HandoverFixture.h"

using namespace switchboard::core;
using switchboard::tests::HandoverFixture;
using Result = switchboard::sdk::DeliveryResult;

namespace {

class DeliveryLedgerTest : public HandoverFixture {
protected:
    DeliveryLedgerTest() : ledger(*database, clock) {
        seeded = seed();
        requestId = service.request(seeded.visitor, ask(seeded, "webhook")).request.id;
        deliveryId = deliveriesOf(requestId).at(0).id;
    }

    std::optional<handover::DeliveryLedger::Booked> book(Result result, std::int64_t retryDelayMs = 60'000) {
        return ledger.book({deliveryId, clock.nowMs(), 42, std::move(result), retryDelayMs});
    }

    std::vector<handover::DeliveryAttempt> attempts() {
        return database->read([&](store::Sql& sql) { return repository.attemptsOf(sql, deliveryId); });
    }

    handover::DeliveryLedger ledger;
    Seeded seeded;
    std::string requestId;
    std::string deliveryId;
};

TEST_F(DeliveryLedgerTest, ADeliveryMarksTheRequestNotified) {
    auto result = Result::delivered("HTTP 204");
    result.statusCode = 204;
    result.providerId = "evt_1";
    clock.advanceMs(250);
    const auto booked = book(result);
    ASSERT_TRUE(booked);
    EXPECT_TRUE(booked->requestChanged);
    EXPECT_EQ(booked->delivery.status, "delivered");
    EXPECT_EQ(booked->delivery.deliveredAt, clock.nowMs());
    EXPECT_EQ(booked->delivery.providerId, "evt_1");
    EXPECT_FALSE(booked->delivery.leaseUntil.has_value());
    EXPECT_EQ(booked->request.status, "notified");
    EXPECT_EQ(booked->request.notifiedAt, clock.nowMs());
    EXPECT_EQ(booked->request.responseCode, 204);
    EXPECT_EQ(booked->request.attempts, 1);

    const auto log = attempts();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].attempt, 1);
    EXPECT_EQ(log[0].outcome, "delivered");
    EXPECT_EQ(log[0].statusCode, 204);
    EXPECT_EQ(log[0].durationMs, 42);
    EXPECT_FALSE(log[0].error.has_value());
}

TEST_F(DeliveryLedgerTest, AConfirmedDeliveryCompletesTheRequest) {
    auto result = Result::delivered();
    result.completed = true;
    const auto booked = book(result);
    EXPECT_EQ(booked->request.status, "completed");
    EXPECT_EQ(booked->request.notifiedAt, clock.nowMs());
    EXPECT_EQ(booked->request.completedAt, clock.nowMs());
}

TEST_F(DeliveryLedgerTest, ARetryIsDueAfterTheDelayUntilMaxAttemptsThenTheRequestFails) {
    auto result = Result::retry("HTTP 503 from crm.example.com");
    result.statusCode = 503;
    result.responseExcerpt = "maintenance";
    auto booked = book(result, 10'000);
    EXPECT_FALSE(booked->requestChanged);
    EXPECT_EQ(booked->delivery.status, "pending");
    EXPECT_EQ(booked->delivery.dueAt, clock.nowMs() + 10'000);
    EXPECT_EQ(booked->delivery.lastError, "HTTP 503 from crm.example.com");
    EXPECT_EQ(booked->request.status, "pending");
    EXPECT_EQ(booked->request.lastError, "HTTP 503 from crm.example.com");

    book(result);
    booked = book(result); // the third of max_attempts 3
    EXPECT_EQ(booked->delivery.status, "failed");
    EXPECT_EQ(booked->delivery.failedAt, clock.nowMs());
    EXPECT_TRUE(booked->requestChanged);
    EXPECT_EQ(booked->request.status, "failed");
    EXPECT_EQ(booked->request.attempts, 3);
    EXPECT_EQ(booked->request.responseExcerpt, "maintenance");

    const auto log = attempts();
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[2].attempt, 3);
    EXPECT_EQ(log[2].outcome, "retry");
    EXPECT_EQ(log[2].error, "HTTP 503 from crm.example.com");
}

TEST_F(DeliveryLedgerTest, AFailureForGoodFailsAtOnce) {
    const auto booked = book(Result::failed("HTTP 410 from crm.example.com: the endpoint is gone"));
    EXPECT_EQ(booked->delivery.status, "failed");
    EXPECT_EQ(booked->delivery.attempts, 1);
    EXPECT_EQ(booked->request.status, "failed");
}

TEST_F(DeliveryLedgerTest, ADeliveryNoLongerPendingIsNotBookedTwice) {
    ASSERT_TRUE(book(Result::delivered()));
    EXPECT_FALSE(book(Result::delivered()));
    EXPECT_EQ(attempts().size(), 1u);
}

TEST_F(DeliveryLedgerTest, ExcerptsAreCutWithoutSplittingACharacter) {
    const std::string euro = "\xE2\x82\xAC"; // three bytes
    std::string text(handover::DeliveryLedger::MaxExcerptBytes - 1, 'a');
    text += euro;
    const auto cut = handover::DeliveryLedger::excerpt(text);
    EXPECT_EQ(cut, std::string(handover::DeliveryLedger::MaxExcerptBytes - 1, 'a'));
    EXPECT_EQ(handover::DeliveryLedger::excerpt("short"), "short");
}

} // namespace
