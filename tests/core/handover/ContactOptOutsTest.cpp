#include "core/handover/ContactOptOuts.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::TestDatabase;
namespace sdk = switchboard::sdk;

namespace {

class ContactOptOutsTest : public ::testing::Test {
protected:
    static sdk::Delivery deliveryTo(const std::string& phone, const std::string& email) {
        sdk::Delivery delivery;
        delivery.id = "d-1";
        delivery.recipient.visitor = {"Ada", email, phone};
        return delivery;
    }

    TestDatabase database;
    common::ManualClock clock;
    handover::ContactOptOuts optOuts{*database, clock};
};

TEST_F(ContactOptOutsTest, AnOptedOutContactsDeliveriesOfThatInstanceAreRefused) {
    optOuts.record("whatsapp", "whatsapp:+447700900123", true);
    const auto refused = optOuts.refusal("whatsapp", deliveryTo("+447700900123", "ada@example.com"));
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->outcome, sdk::DeliveryResult::Outcome::Failed);
    EXPECT_EQ(refused->detail, "the contact opted out of whatsapp");

    EXPECT_FALSE(optOuts.refusal("sms", deliveryTo("+447700900123", ""))); // another instance
    EXPECT_FALSE(optOuts.refusal("whatsapp", deliveryTo("+15550000000", "grace@example.com")));
    EXPECT_FALSE(optOuts.refusal("whatsapp", deliveryTo("", "")));
}

TEST_F(ContactOptOutsTest, AnEmailOptsOutWhateverItsCaseAndAContactMayOptBackIn) {
    optOuts.record("email", "Ada@Example.com", true);
    optOuts.record("email", "ada@example.com", true); // twice is once
    EXPECT_TRUE(optOuts.refusal("email", deliveryTo("", "ADA@example.com")));
    EXPECT_TRUE(optOuts.refusal("email", deliveryTo("", "ada@example.com")));

    optOuts.record("email", "mailto:ada@example.com", false);
    EXPECT_FALSE(optOuts.refusal("email", deliveryTo("", "ada@example.com")));
}

TEST_F(ContactOptOutsTest, AnOptOutNeedsAnAddress) {
    EXPECT_THROW(optOuts.record("email", "  ", true), std::invalid_argument);
}

} // namespace
