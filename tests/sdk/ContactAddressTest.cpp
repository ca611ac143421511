#include "switchboard/sdk/ContactAddress.h"

#include <gtest/gtest.h>

#include <string>

using switchboard::sdk::isValidE164;
using switchboard::sdk::isValidEmail;

TEST(ContactAddressTest, AcceptsOrdinaryEmails) {
    EXPECT_TRUE(isValidEmail("ana@example.com"));
    EXPECT_TRUE(isValidEmail("Ana.Lopez+support@mail.example.co.uk"));
    EXPECT_TRUE(isValidEmail("o'brien_99@sub-domain.example.io"));
    EXPECT_TRUE(isValidEmail("x@a1.de"));
}

TEST(ContactAddressTest, RejectsMalformedEmails) {
    EXPECT_FALSE(isValidEmail(""));
    EXPECT_FALSE(isValidEmail("ana"));
    EXPECT_FALSE(isValidEmail("@example.com"));
    EXPECT_FALSE(isValidEmail("ana@"));
    EXPECT_FALSE(isValidEmail("ana@@example.com"));
    EXPECT_FALSE(isValidEmail("ana@bob@example.com"));
    EXPECT_FALSE(isValidEmail("ana lopez@example.com"));
    EXPECT_FALSE(isValidEmail("ana@example com"));
    EXPECT_FALSE(isValidEmail(" ana@example.com"));
    EXPECT_FALSE(isValidEmail("ana@example.com\n"));
    EXPECT_FALSE(isValidEmail("<ana>@example.com"));
    EXPECT_FALSE(isValidEmail(".ana@example.com"));
    EXPECT_FALSE(isValidEmail("ana.@example.com"));
    EXPECT_FALSE(isValidEmail("an..a@example.com"));
}

TEST(ContactAddressTest, RejectsBadEmailDomains) {
    EXPECT_FALSE(isValidEmail("ana@localhost"));         // no top-level domain
    EXPECT_FALSE(isValidEmail("ana@example.c"));         // one-letter TLD
    EXPECT_FALSE(isValidEmail("ana@example.c0m"));       // TLD must be letters
    EXPECT_FALSE(isValidEmail("ana@example.com."));      // empty last label
    EXPECT_FALSE(isValidEmail("ana@.example.com"));      // empty first label
    EXPECT_FALSE(isValidEmail("ana@example..com"));      // empty inner label
    EXPECT_FALSE(isValidEmail("ana@-example.com"));      // label starts with a hyphen
    EXPECT_FALSE(isValidEmail("ana@example-.com"));      // label ends with a hyphen
    EXPECT_FALSE(isValidEmail("ana@exa_mple.com"));
    EXPECT_FALSE(isValidEmail("ana@[127.0.0.1]"));
    EXPECT_FALSE(isValidEmail("ana@" + std::string(64, 'a') + ".com")); // label over 63 characters
    EXPECT_TRUE(isValidEmail("ana@" + std::string(63, 'a') + ".com"));
    EXPECT_TRUE(isValidEmail("ana@my-example.com"));
}

TEST(ContactAddressTest, EmailLengthLimits) {
    const std::string domain = std::string(63, 'd') + '.' + std::string(63, 'd') + '.' + std::string(50, 'd') + ".com";
    const std::string local64(64, 'l');
    ASSERT_EQ((local64 + '@' + domain).size(), 247u);
    EXPECT_TRUE(isValidEmail(local64 + '@' + domain));
    EXPECT_FALSE(isValidEmail(std::string(65, 'l') + "@example.com")); // local part over 64

    const std::string longDomain = std::string(63, 'd') + '.' + std::string(63, 'd') + '.' + std::string(63, 'd') +
                                   '.' + std::string(55, 'd') + ".com"; // 251 characters
    EXPECT_TRUE(isValidEmail("a@" + longDomain));                       // 253
    EXPECT_TRUE(isValidEmail("ab@" + longDomain));                      // 254
    EXPECT_FALSE(isValidEmail("abc@" + longDomain));                    // 255
}

TEST(ContactAddressTest, E164) {
    EXPECT_TRUE(isValidE164("+14155550123"));
    EXPECT_TRUE(isValidE164("+12345678"));        // 8 digits
    EXPECT_TRUE(isValidE164("+123456789012345")); // 15 digits
    EXPECT_FALSE(isValidE164("+1234567"));        // 7 digits
    EXPECT_FALSE(isValidE164("+1234567890123456")); // 16 digits
    EXPECT_FALSE(isValidE164("+04155550123"));    // first digit 0
    EXPECT_FALSE(isValidE164("14155550123"));     // no plus
    EXPECT_FALSE(isValidE164("+1 415 555 0123"));
    EXPECT_FALSE(isValidE164("+1-415-555-0123"));
    EXPECT_FALSE(isValidE164("+1415555012a"));
    EXPECT_FALSE(isValidE164("++14155550123"));
    EXPECT_FALSE(isValidE164(""));
    EXPECT_FALSE(isValidE164("+"));
}
