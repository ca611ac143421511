#include "core/handover/UrlRedactor.h"

#include <gtest/gtest.h>

using switchboard::core::handover::UrlRedactor;

namespace {

TEST(UrlRedactorTest, MasksTheUserNameAndPassword) {
    EXPECT_EQ(UrlRedactor::redact("https://user:pass@crm.example/hook"), "https://********@crm.example/hook");
    EXPECT_EQ(UrlRedactor::redact("https://token@crm.example"), "https://********@crm.example");
    EXPECT_EQ(UrlRedactor::redact("http://a:b@c@127.0.0.1:8080/x"), "http://********@127.0.0.1:8080/x");
}

TEST(UrlRedactorTest, MasksTheValuesOfCredentialLikeQueryParameters) {
    EXPECT_EQ(UrlRedactor::redact("https://crm.example/hook?api_key=abc&team=sales&Access_Token=t#top"),
              "https://crm.example/hook?api_key=********&team=sales&Access_Token=********#top");
    EXPECT_EQ(UrlRedactor::redact("https://u:p@crm.example?sig=1"), "https://********@crm.example?sig=********");
    EXPECT_EQ(UrlRedactor::redact("https://crm.example/?api%5Fkey=abc&flag&&x="),
              "https://crm.example/?api%5Fkey=********&flag&&x=");
}

TEST(UrlRedactorTest, LeavesEverythingElseAsWritten) {
    for (const auto* text : {"https://crm.example/hook?team=sales", "https://crm.example/a@b/c", "http://[::1]:9/x",
                             "not a url", "", "mailto:someone@example.com", "https://crm.example/#key=1",
                             "/relative?api_key=1"}) {
        EXPECT_EQ(UrlRedactor::redact(text), text) << text;
    }
}

} // namespace
