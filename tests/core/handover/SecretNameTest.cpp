#include "core/handover/SecretName.h"

#include <gtest/gtest.h>

using switchboard::core::handover::SecretName;

namespace {

TEST(SecretNameTest, WhatCountsAsASecretSetting) {
    for (const auto* name : {"secret", "signing_secret", "password", "api_token", "api_key", "auth_token"})
        EXPECT_TRUE(SecretName::isSecretSetting(name)) << name;
    for (const auto* name : {"url", "from", "channel_name"}) EXPECT_FALSE(SecretName::isSecretSetting(name)) << name;
}

TEST(SecretNameTest, WhatCountsAsACredentialInAQuery) {
    for (const auto* name : {"api_key", "Access_Token", "SECRET", "sig", "signature", "auth", "password", "pwd",
                             "client_credentials", "sessionid", "apiKey"})
        EXPECT_TRUE(SecretName::isSecretParameter(name)) << name;
    for (const auto* name : {"team", "page", "format", "user_id"})
        EXPECT_FALSE(SecretName::isSecretParameter(name)) << name;
}

} // namespace
