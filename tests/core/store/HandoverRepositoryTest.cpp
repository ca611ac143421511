#include "core/store/HandoverRepository.h"
#include "tests/core/handover/HandoverFixture.h"

using namespace switchboard::core;
using switchboard::tests::HandoverFixture;
namespace sdk = switchboard::sdk;

namespace {

class HandoverRepositoryTest : public HandoverFixture {
protected:
    std::string requestFor(const std::string& suffix, const std::string& method) {
        auto seeded = seed(conversation::ConversationStatus::Bot, suffix);
        seeded.visitor.phone = "+447700900123";
        return service.request(seeded.visitor, ask(seeded, method)).request.id;
    }

    template <class Fn>
    auto write(Fn fn) {
        return database->write([&](store::Sql& sql) { return fn(sql); });
    }
};

TEST_F(HandoverRepositoryTest, TheNextDueTimeLeavesOutWhatIsDueAlready) {
    requestFor("1", "webhook");
    const auto now = clock.nowMs();
    EXPECT_EQ(write([&](store::Sql& sql) { return repository.nextDueAfter(sql, now); }), std::nullopt);
    EXPECT_EQ(write([&](store::Sql& sql) { return repository.nextDueAfter(sql, now - 1); }), now);
}

TEST_F(HandoverRepositoryTest, DueDeliveriesLeaveOutBusyDestinations) {
    const auto webhook = deliveriesOf(requestFor("1", "webhook")).at(0);
    const auto sms = deliveriesOf(requestFor("2", "sms")).at(0);
    const auto due = [&](const std::vector<std::string>& busy) {
        std::vector<std::string> ids;
        for (const auto& delivery :
             write([&](store::Sql& sql) { return repository.dueDeliveries(sql, clock.nowMs(), 10, busy); }))
            ids.push_back(delivery.id);
        return ids;
    };
    EXPECT_EQ(due({}), (std::vector<std::string>{webhook.id, sms.id}));
    EXPECT_EQ(due({webhook.destination}), (std::vector<std::string>{sms.id}));
    EXPECT_EQ(due({"elsewhere:443", sms.destination}), (std::vector<std::string>{webhook.id}));
    EXPECT_TRUE(due({webhook.destination, sms.destination}).empty());
}

TEST_F(HandoverRepositoryTest, ClaimingASetTakesWhatIsFreeAndBringsTheRequests) {
    const auto firstRequest = requestFor("1", "webhook");
    const auto secondRequest = requestFor("2", "sms");
    const auto first = deliveriesOf(firstRequest).at(0).id;
    const auto second = deliveriesOf(secondRequest).at(0).id;
    const auto now = clock.nowMs();
    ASSERT_TRUE(write([&](store::Sql& sql) { return repository.claim(sql, first, "node-b", now + 1000, now); }));

    const auto claimed = write(
        [&](store::Sql& sql) { return repository.claimAll(sql, {first, second}, "node-a", now + 1000, now); });
    ASSERT_EQ(claimed.size(), 1u);
    EXPECT_EQ(claimed[0].delivery.id, second);
    EXPECT_EQ(claimed[0].delivery.leaseOwner, "node-a");
    EXPECT_EQ(claimed[0].delivery.leaseUntil, now + 1000);
    ASSERT_TRUE(claimed[0].request);
    EXPECT_EQ(claimed[0].request->id, secondRequest);
    EXPECT_EQ(claimed[0].request->method, "sms");
    EXPECT_EQ(deliveriesOf(firstRequest).at(0).leaseOwner, "node-b");
}

TEST_F(HandoverRepositoryTest, ABookingOnADeliveryThatChangedWritesNothing) {
    const auto requestId = requestFor("1", "webhook");
    auto delivery = deliveriesOf(requestId).at(0);
    auto request = requestById(requestId);
    delivery.status = handover::DeliveryStatus::Delivered;
    delivery.attempts = 1;
    request.status = handover::HandoverStatus::Notified;
    const handover::DeliveryAttempt attempt{delivery.id, 1, clock.nowMs(), 5, "delivered", 200, std::nullopt,
                                            std::nullopt};

    auto written = write([&](store::Sql& sql) {
        return repository.saveBooking(sql, delivery, /*expectedAttempts=*/1, attempt, request,
                                      handover::HandoverStatus::Pending);
    });
    EXPECT_FALSE(written.deliverySaved);
    EXPECT_FALSE(written.request);
    EXPECT_EQ(deliveriesOf(requestId).at(0).status, handover::DeliveryStatus::Pending);
    EXPECT_EQ(requestById(requestId).status, handover::HandoverStatus::Pending);
    EXPECT_TRUE(write([&](store::Sql& sql) { return repository.attemptsOf(sql, delivery.id); }).empty());

    written = write(
        [&](store::Sql& sql) {
            return repository.saveBooking(sql, delivery, 0, attempt, request, handover::HandoverStatus::Notified);
        });
    EXPECT_TRUE(written.deliverySaved);
    EXPECT_FALSE(written.request); // its status was not the one expected
    EXPECT_EQ(deliveriesOf(requestId).at(0).status, handover::DeliveryStatus::Delivered);
    EXPECT_EQ(requestById(requestId).status, handover::HandoverStatus::Pending);
    EXPECT_EQ(write([&](store::Sql& sql) { return repository.attemptsOf(sql, delivery.id); }).size(), 1u);
}

TEST_F(HandoverRepositoryTest, ABookingCountsTheRequestsAttemptsInTheDatabase) {
    const auto requestId = requestFor("1", "webhook");
    auto delivery = deliveriesOf(requestId).at(0);
    auto request = requestById(requestId);
    delivery.status = handover::DeliveryStatus::Delivered;
    delivery.attempts = 1;
    request.status = handover::HandoverStatus::Notified;
    request.notifiedAt = clock.nowMs();
    request.attempts = 41; // not copied: counted up from what is stored
    const handover::DeliveryAttempt attempt{delivery.id, 1, clock.nowMs(), 5, "delivered", 200, std::nullopt,
                                            std::nullopt};
    const auto written = write(
        [&](store::Sql& sql) {
            return repository.saveBooking(sql, delivery, 0, attempt, request, handover::HandoverStatus::Pending);
        });
    ASSERT_TRUE(written.request);
    EXPECT_EQ(written.request->status, handover::HandoverStatus::Notified);
    EXPECT_EQ(written.request->attempts, 1);
    EXPECT_EQ(requestById(requestId).attempts, 1);
}

} // namespace

namespace {

TEST_F(HandoverRepositoryTest, AProviderStatusIsWrittenOnlyOverTheStatusItWasReadWith) {
    auto delivery = deliveriesOf(requestFor("1", "webhook")).at(0);
    delivery.providerId = "SM1";
    write([&](store::Sql& sql) { repository.saveDelivery(sql, delivery); return 0; });
    auto found = write([&](store::Sql& sql) { return repository.findDeliveryByProviderId(sql, "webhook", "SM1"); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, delivery.id);
    EXPECT_FALSE(write([&](store::Sql& sql) { return repository.findDeliveryByProviderId(sql, "sms", "SM1"); }));

    found->providerStatus = sdk::ProviderStatus::Sent;
    found->providerStatusAt = clock.nowMs();
    EXPECT_TRUE(write([&](store::Sql& sql) { return repository.saveProviderStatus(sql, *found, std::nullopt); }));
    found->providerStatus = sdk::ProviderStatus::Delivered;
    found->providerErrorCode = "none";
    // Read before `sent` was written: another callback got there first.
    EXPECT_FALSE(write([&](store::Sql& sql) { return repository.saveProviderStatus(sql, *found, std::nullopt); }));
    EXPECT_TRUE(write(
        [&](store::Sql& sql) { return repository.saveProviderStatus(sql, *found, sdk::ProviderStatus::Sent); }));
    const auto stored = deliveriesOf(*delivery.requestId).at(0);
    EXPECT_EQ(stored.providerStatus, sdk::ProviderStatus::Delivered);
    EXPECT_EQ(stored.providerStatusAt, clock.nowMs());
    EXPECT_EQ(stored.providerErrorCode, "none");
}

} // namespace
