#include "core/handover/ContactOptOuts.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::TestDatabase;
namespace sdk = switchboard::sdk;

namespace {

class ContactOptOutsTest : public ::testing::Test {
protected:
    /// Why a delivery of `channel` to the visitor with `phone` and `email` may not go, if so.
    std::optional<std::string> refusal(const std::string& channel, const std::string& phone, const std::string& email) {
        sdk::Recipient recipient;
        recipient.visitor = {"Ada", email, phone};
        return database->read([&](store::Sql& sql) {
            return handover::ContactOptOuts::refusals(sql, {{channel, recipient}}).at(0);
        });
    }

    TestDatabase database;
    common::ManualClock clock;
    handover::ContactOptOuts optOuts{*database, clock};
};

TEST_F(ContactOptOutsTest, AnOptedOutContactsDeliveriesOfThatInstanceAreRefused) {
    optOuts.record("whatsapp", "whatsapp:+447700900123", true);
    const auto refused = refusal("whatsapp", "+447700900123", "ada@example.com");
    EXPECT_EQ(refused, "the contact opted out of whatsapp");

    EXPECT_FALSE(refusal("sms", "+447700900123", "")); // another instance
    EXPECT_FALSE(refusal("whatsapp", "+15550000000", "grace@example.com"));
    EXPECT_FALSE(refusal("whatsapp", "", ""));
}

TEST_F(ContactOptOutsTest, AnEmailOptsOutWhateverItsCaseAndAContactMayOptBackIn) {
    optOuts.record("email", "Ada@Example.com", true);
    optOuts.record("email", "ada@example.com", true); // twice is once
    EXPECT_TRUE(refusal("email", "", "ADA@example.com"));
    EXPECT_TRUE(refusal("email", "", "ada@example.com"));

    optOuts.record("email", "mailto:ada@example.com", false);
    EXPECT_FALSE(refusal("email", "", "ada@example.com"));
}

TEST_F(ContactOptOutsTest, ABatchIsCheckedDeliveryByDeliveryAndAnAddressOnTheChannelGoesAlone) {
    optOuts.record("whatsapp", "+447700900123", true);
    optOuts.record("email", "grace@example.com", true);
    sdk::Recipient ada;
    ada.visitor = {"Ada", "grace@example.com", "+447700900123"};
    sdk::Recipient reachedThere = ada;
    reachedThere.address = "whatsapp:+15550000000"; // not the opted-out phone: the visitor's phone is not checked
    sdk::Recipient nobody;
    const std::string whatsapp = "whatsapp";
    const std::string email = "email";
    const auto refused = database->read([&](store::Sql& sql) {
        return handover::ContactOptOuts::refusals(
            sql, {{whatsapp, ada}, {email, ada}, {whatsapp, reachedThere}, {email, reachedThere}, {whatsapp, nobody}});
    });
    EXPECT_EQ(refused, (std::vector<std::optional<std::string>>{"the contact opted out of whatsapp",
                                                                 "the contact opted out of email", std::nullopt,
                                                                 std::nullopt, std::nullopt}));
}

TEST_F(ContactOptOutsTest, AnOptOutNeedsAnAddress) {
    EXPECT_THROW(optOuts.record("email", "  ", true), std::invalid_argument);
}

} // namespace
