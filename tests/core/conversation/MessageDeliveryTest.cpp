#include "core/conversation/MessageDelivery.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using conversation::MessageDelivery;
using conversation::MessageDeliveryStatus;
using switchboard::sdk::ProviderStatus;

namespace {

handover::OutboxDelivery delivery(handover::DeliveryStatus status, std::optional<ProviderStatus> provider = std::nullopt) {
    handover::OutboxDelivery d;
    d.id = "d-1";
    d.messageId = "m-1";
    d.conversationId = "c-1";
    d.channel = "whatsapp";
    d.status = status;
    d.updatedAt = 1000;
    d.providerStatus = provider;
    if (provider) d.providerStatusAt = 2000;
    return d;
}

} // namespace

TEST(MessageDeliveryTest, QueuedUntilTheChannelTookItThenSentThenWhatTheProviderSays) {
    EXPECT_EQ(MessageDelivery::of(delivery(handover::DeliveryStatus::Pending)).status, MessageDeliveryStatus::Queued);
    const auto sent = MessageDelivery::of(delivery(handover::DeliveryStatus::Delivered));
    EXPECT_EQ(sent.status, MessageDeliveryStatus::Sent);
    EXPECT_EQ(sent.updatedAt, 1000);
    EXPECT_EQ(MessageDelivery::of(delivery(handover::DeliveryStatus::Delivered, ProviderStatus::Queued)).status,
              MessageDeliveryStatus::Sent);
    const auto delivered = MessageDelivery::of(delivery(handover::DeliveryStatus::Delivered, ProviderStatus::Delivered));
    EXPECT_EQ(delivered.status, MessageDeliveryStatus::Delivered);
    EXPECT_EQ(delivered.updatedAt, 2000);
    EXPECT_EQ(MessageDelivery::of(delivery(handover::DeliveryStatus::Delivered, ProviderStatus::Read)).status,
              MessageDeliveryStatus::Read);
    EXPECT_EQ(sent.messageId, "m-1");
    EXPECT_EQ(sent.channel, "whatsapp");
}

TEST(MessageDeliveryTest, AFailureSaysWhyFromTheProviderOrTheOutbox) {
    auto given = delivery(handover::DeliveryStatus::Failed);
    given.lastError = "HTTP 400 from the provider";
    const auto gaveUp = MessageDelivery::of(given);
    EXPECT_EQ(gaveUp.status, MessageDeliveryStatus::Failed);
    EXPECT_EQ(gaveUp.error, "HTTP 400 from the provider");

    auto undelivered = delivery(handover::DeliveryStatus::Delivered, ProviderStatus::Undelivered);
    undelivered.providerErrorCode = "63016";
    EXPECT_EQ(MessageDelivery::of(undelivered).error, "63016");
    undelivered.providerErrorText = "outside the 24 hour window";
    const auto failed = MessageDelivery::of(undelivered);
    EXPECT_EQ(failed.status, MessageDeliveryStatus::Failed);
    EXPECT_EQ(failed.error, "outside the 24 hour window");
    EXPECT_EQ(failed.toJson()->getValue<std::string>("status"), "failed");
    EXPECT_EQ(failed.toJson()->getValue<std::string>("error"), "outside the 24 hour window");
    EXPECT_TRUE(MessageDelivery::of(delivery(handover::DeliveryStatus::Pending)).toJson()->isNull("error"));
}
