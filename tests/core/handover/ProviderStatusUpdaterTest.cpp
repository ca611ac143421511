#include "core/events/EventNames.h"
#include "core/handover/DeliveryLedger.h"
#include "core/handover/HandoverJson.h"
#include "core/handover/ProviderStatusUpdater.h"
#include "tests/core/handover/HandoverFixture.h"

using namespace switchboard::core;
using switchboard::tests::HandoverFixture;
using switchboard::sdk::ProviderStatus;
using switchboard::sdk::StatusUpdate;
using Result = switchboard::sdk::DeliveryResult;

namespace {

class ProviderStatusUpdaterTest : public HandoverFixture {
protected:
    ProviderStatusUpdaterTest()
        : ledger(*database, clock), messageStatuses(*database, conversationEvents),
          updater(*database, clock, handoverEvents, messageStatuses) {
        bus.subscribe([this](const events::Event& event) {
            if (event.name == events::names::DeliveryStatus) statusEvents.push_back(event);
        });
        const auto seeded = seed();
        requestId = service.request(seeded.visitor, ask(seeded, "webhook")).request.id;
        deliveryId = deliveriesOf(requestId).at(0).id;
        auto result = Result::delivered();
        result.providerId = "SM1";
        ledger.book({deliveryId, clock.nowMs(), 5, result, 0});
    }

    handover::OutboxDelivery delivery() { return deliveriesOf(requestId).at(0); }

    handover::DeliveryLedger ledger;
    conversation::MessageStatusAnnouncer messageStatuses;
    handover::ProviderStatusUpdater updater;
    std::string requestId;
    std::string deliveryId;
    std::vector<events::Event> statusEvents;
};

TEST_F(ProviderStatusUpdaterTest, AStatusMovesForwardAndIsAnnouncedToTheWidgetsAgents) {
    EXPECT_EQ(delivery().providerStatus, std::nullopt);
    clock.advanceMs(1000);
    EXPECT_EQ(updater.update("webhook", "SM1", ProviderStatus::Delivered, "", ""), StatusUpdate::Applied);
    const auto stored = delivery();
    EXPECT_EQ(stored.providerStatus, ProviderStatus::Delivered);
    EXPECT_EQ(stored.providerStatusAt, clock.nowMs());
    EXPECT_EQ(stored.status, handover::DeliveryStatus::Delivered); // the outbox's own status is untouched

    ASSERT_EQ(statusEvents.size(), 1u);
    const auto& event = statusEvents[0];
    ASSERT_EQ(event.rooms.size(), 1u);
    EXPECT_EQ(event.rooms[0].kind, events::Room::Kind::WidgetAgents);
    EXPECT_EQ(event.rooms[0].id, "demo");
    EXPECT_EQ(event.payload->getValue<std::string>("delivery_id"), deliveryId);
    EXPECT_EQ(event.payload->getValue<std::string>("request_id"), requestId);
    EXPECT_EQ(event.payload->getValue<std::string>("provider_status"), "delivered");

    const auto json = handover::HandoverJson::delivery(stored, {});
    EXPECT_EQ(json->getValue<std::string>("provider_status"), "delivered");
    EXPECT_TRUE(json->isNull("provider_error_code"));
}

TEST_F(ProviderStatusUpdaterTest, ALateLowerStatusIsIgnoredAndNotAnnounced) {
    EXPECT_EQ(updater.update("webhook", "SM1", ProviderStatus::Read, "", ""), StatusUpdate::Applied);
    EXPECT_EQ(updater.update("webhook", "SM1", ProviderStatus::Sent, "", ""), StatusUpdate::Stale);
    EXPECT_EQ(updater.update("webhook", "SM1", ProviderStatus::Read, "", ""), StatusUpdate::Stale);
    EXPECT_EQ(updater.update("webhook", "SM1", ProviderStatus::Failed, "30008", "late"), StatusUpdate::Stale);
    EXPECT_EQ(delivery().providerStatus, ProviderStatus::Read);
    EXPECT_EQ(delivery().providerErrorCode, std::nullopt);
    EXPECT_EQ(statusEvents.size(), 1u);
}

TEST_F(ProviderStatusUpdaterTest, AFailureKeepsTheProvidersErrorAndIsFinal) {
    EXPECT_EQ(updater.update("webhook", "SM1", ProviderStatus::Sent, "", ""), StatusUpdate::Applied);
    EXPECT_EQ(updater.update("webhook", "SM1", ProviderStatus::Undelivered, "30008", "Unknown error"),
              StatusUpdate::Applied);
    EXPECT_EQ(updater.update("webhook", "SM1", ProviderStatus::Delivered, "", ""), StatusUpdate::Stale);
    const auto stored = delivery();
    EXPECT_EQ(stored.providerStatus, ProviderStatus::Undelivered);
    EXPECT_EQ(stored.providerErrorCode, "30008");
    EXPECT_EQ(stored.providerErrorText, "Unknown error");
}

TEST_F(ProviderStatusUpdaterTest, OnlyTheChannelInstanceThatSentItFindsTheDelivery) {
    EXPECT_EQ(updater.update("sms", "SM1", ProviderStatus::Delivered, "", ""), StatusUpdate::Unknown);
    EXPECT_EQ(updater.update("webhook", "SM2", ProviderStatus::Delivered, "", ""), StatusUpdate::Unknown);
    EXPECT_EQ(updater.update("webhook", "", ProviderStatus::Delivered, "", ""), StatusUpdate::Unknown);
    EXPECT_EQ(delivery().providerStatus, std::nullopt);
    EXPECT_TRUE(statusEvents.empty());
}

TEST_F(ProviderStatusUpdaterTest, TheOutboxSavingTheDeliveryKeepsTheProviderStatus) {
    updater.update("webhook", "SM1", ProviderStatus::Delivered, "", "");
    // Saving the delivery as the outbox does (a retry of a failed request, say) leaves the provider's word.
    auto stored = delivery();
    database->write([&](store::Sql& sql) { repository.saveDelivery(sql, stored); });
    EXPECT_EQ(delivery().providerStatus, ProviderStatus::Delivered);
}

} // namespace
