#include "core/auth/PasswordHasher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

using switchboard::core::auth::PasswordHasher;

namespace {

const PasswordHasher& fastHasher() {
    static const PasswordHasher hasher(PasswordHasher::Strength::Fast);
    return hasher;
}

const PasswordHasher& interactiveHasher() {
    static const PasswordHasher hasher(PasswordHasher::Strength::Interactive);
    return hasher;
}

} // namespace

TEST(PasswordHasherTest, VerifiesOnlyTheHashedPassword) {
    const std::string stored = fastHasher().hash("correct horse battery staple");
    EXPECT_TRUE(fastHasher().verify(stored, "correct horse battery staple"));
    EXPECT_FALSE(fastHasher().verify(stored, "correct horse battery stapler"));
    EXPECT_FALSE(fastHasher().verify(stored, "Correct horse battery staple"));
    EXPECT_FALSE(fastHasher().verify(stored, ""));
}

TEST(PasswordHasherTest, HashesAreArgon2idAndSalted) {
    const std::string first = fastHasher().hash("hunter2");
    const std::string second = fastHasher().hash("hunter2");
    EXPECT_EQ(first.rfind("$argon2id$", 0), 0u) << first;
    EXPECT_NE(first, second);
    EXPECT_TRUE(fastHasher().verify(second, "hunter2"));
}

TEST(PasswordHasherTest, WholePasswordCountsIncludingNulBytes) {
    const std::string withNul("abc\0def", 7);
    const std::string stored = fastHasher().hash(withNul);
    EXPECT_TRUE(fastHasher().verify(stored, withNul));
    EXPECT_FALSE(fastHasher().verify(stored, "abc"));
}

TEST(PasswordHasherTest, EmptyPasswordHashesAndVerifies) {
    const std::string stored = fastHasher().hash("");
    EXPECT_TRUE(fastHasher().verify(stored, ""));
    EXPECT_FALSE(fastHasher().verify(stored, " "));
}

TEST(PasswordHasherTest, MalformedHashesFailVerificationWithoutThrowing) {
    const std::string stored = fastHasher().hash("secret");
    EXPECT_FALSE(fastHasher().verify("", "secret"));
    EXPECT_FALSE(fastHasher().verify("not a hash", "secret"));
    EXPECT_FALSE(fastHasher().verify(stored.substr(0, stored.size() - 5), "secret"));
    EXPECT_FALSE(fastHasher().verify(std::string(1000, '$'), "secret"));
    // libsodium would stop at the NUL and accept the valid prefix.
    EXPECT_FALSE(fastHasher().verify(stored + std::string("\0trailer", 8), "secret"));
}

TEST(PasswordHasherTest, InteractiveStrengthUsesLibsodiumInteractiveLimits) {
    const std::string stored = interactiveHasher().hash("secret");
    EXPECT_NE(stored.find("$m=65536,t=2,p=1$"), std::string::npos) << stored;
    EXPECT_TRUE(interactiveHasher().verify(stored, "secret"));
    EXPECT_FALSE(interactiveHasher().needsRehash(stored));
    EXPECT_TRUE(fastHasher().needsRehash(stored));
}

TEST(PasswordHasherTest, WeakerHashesVerifyButAskToBeRehashed) {
    const std::string weak = fastHasher().hash("secret");
    EXPECT_FALSE(fastHasher().needsRehash(weak));
    EXPECT_TRUE(interactiveHasher().verify(weak, "secret"));
    EXPECT_TRUE(interactiveHasher().needsRehash(weak));
}

TEST(PasswordHasherTest, UnparsableHashesNeedRehash) {
    EXPECT_TRUE(fastHasher().needsRehash(""));
    EXPECT_TRUE(fastHasher().needsRehash("plaintext"));
    EXPECT_TRUE(fastHasher().needsRehash(fastHasher().hash("x") + std::string("\0", 1)));
}

