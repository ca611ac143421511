#include "core/handover/DeliveryLedger.h"
#include "core/store/ChannelThreadRepository.h"
#include "tests/core/handover/HandoverFixture.h"

#include <thread>

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

    /// Books on the delivery and request as they were read at `claimedAt`, as the outbox worker does.
    std::optional<handover::DeliveryLedger::Booked> bookClaimed(const handover::OutboxDelivery& claimed,
                                                                const handover::HandoverRequest& claimedRequest,
                                                                Result result, std::int64_t retryDelayMs = 60'000) {
        return ledger.book({deliveryId, clock.nowMs(), 42, std::move(result), retryDelayMs, claimed, claimedRequest});
    }

    std::vector<handover::DeliveryAttempt> attempts() {
        return database->read([&](store::Sql& sql) { return repository.attemptsOf(sql, deliveryId); });
    }

    handover::DeliveryLedger ledger;
    Seeded seeded;
    std::string requestId;
    std::string deliveryId;
};

TEST_F(DeliveryLedgerTest, AThreadReferenceIsKeptForTheConversationAndChannelAndAnEmptyOneKeepsIt) {
    const auto thread = [&] {
        return database->read([&](store::Sql& sql) {
            return store::ChannelThreadRepository().find(sql, seeded.conversationId, "webhook");
        });
    };
    auto result = Result::retry("HTTP 503");
    result.threadReference = "<first@crm.example>";
    ASSERT_TRUE(book(result));
    EXPECT_EQ(thread(), "<first@crm.example>");

    ASSERT_TRUE(book(Result::retry("HTTP 503")));
    EXPECT_EQ(thread(), "<first@crm.example>");
}

TEST_F(DeliveryLedgerTest, ADeliveryMarksTheRequestNotified) {
    auto result = Result::delivered("HTTP 204");
    result.statusCode = 204;
    result.providerId = "evt_1";
    clock.advanceMs(250);
    const auto booked = book(result);
    ASSERT_TRUE(booked);
    EXPECT_TRUE(booked->requestChanged);
    EXPECT_EQ(booked->delivery.status, handover::DeliveryStatus::Delivered);
    EXPECT_EQ(booked->delivery.deliveredAt, clock.nowMs());
    EXPECT_EQ(booked->delivery.providerId, "evt_1");
    EXPECT_FALSE(booked->delivery.leaseUntil.has_value());
    EXPECT_EQ(booked->request->status, handover::HandoverStatus::Notified);
    EXPECT_EQ(booked->request->notifiedAt, clock.nowMs());
    EXPECT_EQ(booked->request->responseCode, 204);
    EXPECT_EQ(booked->request->attempts, 1);

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
    EXPECT_EQ(booked->request->status, handover::HandoverStatus::Completed);
    EXPECT_EQ(booked->request->notifiedAt, clock.nowMs());
    EXPECT_EQ(booked->request->completedAt, clock.nowMs());
}

TEST_F(DeliveryLedgerTest, ARetryIsDueAfterTheDelayUntilMaxAttemptsThenTheRequestFails) {
    auto result = Result::retry("HTTP 503 from crm.example.com");
    result.statusCode = 503;
    result.responseExcerpt = "maintenance";
    auto booked = book(result, 10'000);
    EXPECT_FALSE(booked->requestChanged);
    EXPECT_EQ(booked->delivery.status, handover::DeliveryStatus::Pending);
    EXPECT_EQ(booked->delivery.dueAt, clock.nowMs() + 10'000);
    EXPECT_EQ(booked->delivery.lastError, "HTTP 503 from crm.example.com");
    EXPECT_EQ(booked->request->status, handover::HandoverStatus::Pending);
    EXPECT_EQ(booked->request->lastError, "HTTP 503 from crm.example.com");

    book(result);
    booked = book(result); // the third of max_attempts 3
    EXPECT_EQ(booked->delivery.status, handover::DeliveryStatus::Failed);
    EXPECT_EQ(booked->delivery.failedAt, clock.nowMs());
    EXPECT_TRUE(booked->requestChanged);
    EXPECT_EQ(booked->request->status, handover::HandoverStatus::Failed);
    EXPECT_EQ(booked->request->attempts, 3);
    EXPECT_EQ(booked->request->responseExcerpt, "maintenance");

    const auto log = attempts();
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[1].outcome, "retry");
    EXPECT_EQ(log[2].attempt, 3);
    EXPECT_EQ(log[2].outcome, "failed"); // the attempt after which it gave up
    EXPECT_EQ(log[2].error, "HTTP 503 from crm.example.com");
}

TEST_F(DeliveryLedgerTest, AFailureForGoodFailsAtOnce) {
    const auto booked = book(Result::failed("HTTP 410 from crm.example.com: the endpoint is gone"));
    EXPECT_EQ(booked->delivery.status, handover::DeliveryStatus::Failed);
    EXPECT_EQ(booked->delivery.attempts, 1);
    EXPECT_EQ(booked->request->status, handover::HandoverStatus::Failed);
}

TEST_F(DeliveryLedgerTest, ADeliveryNoLongerPendingIsNotBookedTwice) {
    ASSERT_TRUE(book(Result::delivered()));
    EXPECT_FALSE(book(Result::delivered()));
    EXPECT_EQ(attempts().size(), 1u);
}

TEST_F(DeliveryLedgerTest, BookingOnWhatWasClaimedGivesWhatBookingOnAFreshReadGives) {
    const auto claimed = deliveriesOf(requestId).at(0);
    const auto claimedRequest = requestById(requestId);
    auto result = Result::delivered("HTTP 200");
    result.statusCode = 200;
    clock.advanceMs(250);
    const auto booked = bookClaimed(claimed, claimedRequest, result);
    ASSERT_TRUE(booked);
    EXPECT_TRUE(booked->requestChanged);
    EXPECT_EQ(booked->delivery.status, handover::DeliveryStatus::Delivered);
    EXPECT_EQ(booked->delivery.attempts, 1);
    EXPECT_EQ(booked->request->status, handover::HandoverStatus::Notified);
    EXPECT_EQ(booked->request->notifiedAt, clock.nowMs());
    EXPECT_EQ(booked->request->attempts, 1);
    EXPECT_EQ(deliveriesOf(requestId).at(0).status, handover::DeliveryStatus::Delivered);
    EXPECT_EQ(requestById(requestId).status, handover::HandoverStatus::Notified);
    EXPECT_EQ(requestById(requestId).responseCode, 200);
    ASSERT_EQ(attempts().size(), 1u);
    EXPECT_EQ(attempts()[0].attempt, 1);
}

TEST_F(DeliveryLedgerTest, AClaimedDeliveryBookedSinceIsBookedOnWhatIsStored) {
    const auto claimed = deliveriesOf(requestId).at(0);
    const auto claimedRequest = requestById(requestId);
    ASSERT_TRUE(book(Result::retry("HTTP 503 from crm.example.com"), 0)); // another worker's attempt, after the lease
    const auto booked = bookClaimed(claimed, claimedRequest, Result::delivered());
    ASSERT_TRUE(booked);
    EXPECT_EQ(booked->delivery.attempts, 2);
    EXPECT_EQ(booked->request->attempts, 2);
    EXPECT_EQ(booked->request->status, handover::HandoverStatus::Notified);
    const auto log = attempts();
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[1].attempt, 2);
    EXPECT_EQ(log[1].outcome, "delivered");
}

TEST_F(DeliveryLedgerTest, ARequestCompletedSinceTheClaimStaysCompleted) {
    const auto claimed = deliveriesOf(requestId).at(0);
    const auto claimedRequest = requestById(requestId);
    take(seeded.conversationId);
    const auto booked = bookClaimed(claimed, claimedRequest, Result::delivered());
    ASSERT_TRUE(booked);
    EXPECT_FALSE(booked->requestChanged);
    EXPECT_EQ(booked->request->status, handover::HandoverStatus::Completed);
    EXPECT_FALSE(booked->request->notifiedAt.has_value());
    EXPECT_EQ(booked->request->attempts, 1);
    EXPECT_EQ(requestById(requestId).status, handover::HandoverStatus::Completed);
    EXPECT_EQ(deliveriesOf(requestId).at(0).status, handover::DeliveryStatus::Delivered);
}

TEST_F(DeliveryLedgerTest, AClaimedDeliveryThatGivesUpFailsTheRequest) {
    const auto claimed = deliveriesOf(requestId).at(0);
    const auto claimedRequest = requestById(requestId);
    const auto booked = bookClaimed(claimed, claimedRequest, Result::failed("HTTP 410 from crm.example.com"));
    ASSERT_TRUE(booked);
    EXPECT_TRUE(booked->requestChanged);
    EXPECT_EQ(booked->delivery.status, handover::DeliveryStatus::Failed);
    EXPECT_EQ(booked->request->status, handover::HandoverStatus::Failed);
    EXPECT_EQ(requestById(requestId).status, handover::HandoverStatus::Failed);
}

TEST_F(DeliveryLedgerTest, AttemptsBookedFromManyThreadsAtOnceAreEachBookedOnce) {
    std::vector<std::string> deliveryIds{deliveryId};
    for (int i = 2; i <= 8; ++i) {
        const auto other = seed(conversation::ConversationStatus::Bot, std::to_string(i));
        deliveryIds.push_back(deliveriesOf(service.request(other.visitor, ask(other, "webhook")).request.id).at(0).id);
    }
    std::vector<std::optional<handover::DeliveryLedger::Booked>> booked(deliveryIds.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < deliveryIds.size(); ++i) {
        threads.emplace_back([&, i] {
            booked[i] = ledger.book({deliveryIds[i], clock.nowMs(), 1, Result::delivered(), 0});
        });
    }
    for (auto& thread : threads) thread.join();
    for (std::size_t i = 0; i < deliveryIds.size(); ++i) {
        ASSERT_TRUE(booked[i]) << i;
        EXPECT_EQ(booked[i]->delivery.id, deliveryIds[i]);
        EXPECT_EQ(booked[i]->delivery.status, handover::DeliveryStatus::Delivered);
        EXPECT_EQ(booked[i]->request->status, handover::HandoverStatus::Notified);
        EXPECT_EQ(database->read([&](store::Sql& sql) { return repository.attemptsOf(sql, deliveryIds[i]); }).size(),
                  1u);
    }
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
