#include "core/common/ContactIdentity.h"

#include <gtest/gtest.h>

using switchboard::core::common::ContactIdentity;

TEST(ContactIdentityTest, AChannelsSchemeIsTakenOffSoThatTheAddressMatchesAPhoneOrEmail) {
    EXPECT_EQ(ContactIdentity::key("whatsapp:+447700900123"), "+447700900123");
    EXPECT_EQ(ContactIdentity::key("WhatsApp:+447700900123"), "+447700900123");
    EXPECT_EQ(ContactIdentity::key("mailto:Ada@Example.com"), "ada@example.com");
    EXPECT_EQ(ContactIdentity::key("+447700900123"), "+447700900123");
}

TEST(ContactIdentityTest, AddressesAreTrimmedAndLowerCased) {
    EXPECT_EQ(ContactIdentity::key("  Ada@Example.COM "), "ada@example.com");
    EXPECT_EQ(ContactIdentity::key(""), "");
    // Only letters make a scheme: a colon after anything else stays.
    EXPECT_EQ(ContactIdentity::key("+44:1"), "+44:1");
    EXPECT_EQ(ContactIdentity::key(":x"), ":x");
}
