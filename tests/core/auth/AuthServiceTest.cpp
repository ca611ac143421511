#include "core/auth/AuthService.h"
#include "core/common/ApiError.h"
#include "core/common/Digest.h"
#include "core/events/AgentAccessChange.h"
#include "tests/support/RecordingEventBus.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::TestDatabase;

namespace {

config::AuthConfig authConfig() {
    config::AuthConfig config;
    config.sessionTtlHours = 2;
    config.loginPerIpPerMinute = 3;
    config.loginPerAccountPerHour = 5;
    return config;
}

class AuthServiceTest : public ::testing::Test {
protected:
    AuthServiceTest() : limiter(clock), service(*database, hasher, clock, limiter, authConfig(), bus) {
        addAgent("agent-1", "grace@example.com", "correct horse");
    }

    void addAgent(const std::string& id, const std::string& email, const std::string& password, bool active = true) {
        auth::Agent agent;
        agent.id = id;
        agent.email = email;
        agent.displayName = "Grace";
        agent.passwordHash = hasher.hash(password);
        agent.active = active;
        agent.widgets = {"demo"};
        database->write([&](store::Sql& sql) { agents.insert(sql, agent); });
    }

    /// The error code a call fails with, or "" when it succeeds.
    static std::string errorOf(const std::function<void()>& call) {
        try {
            call();
        } catch (const common::ApiError& error) {
            return error.code();
        }
        return "";
    }

    auth::LoginResult login(const std::string& password = "correct horse", const std::string& ip = "198.51.100.1") {
        return service.login("grace@example.com", password, ip, "test-agent/1.0");
    }

    TestDatabase database;
    common::ManualClock clock;
    auth::PasswordHasher hasher{auth::PasswordHasher::Strength::Fast};
    limits::RateLimiter limiter;
    switchboard::tests::RecordingEventBus bus;
    store::AgentRepository agents;
    auth::AuthService service;
};

TEST_F(AuthServiceTest, LoginIssuesASessionThatAuthenticates) {
    const auto result = service.login("  Grace@Example.COM ", "correct horse", "198.51.100.1", "test-agent/1.0");
    EXPECT_EQ(result.agent.id, "agent-1");
    EXPECT_EQ(result.expiresAt, clock.nowMs() + 2 * 3600 * 1000);
    EXPECT_GE(result.token.size(), 43u);

    auto caller = service.authenticate(result.token);
    ASSERT_TRUE(caller);
    EXPECT_EQ(caller->agent.id, "agent-1");
    EXPECT_EQ(caller->agent.widgets, std::vector<std::string>{"demo"});
    EXPECT_EQ(caller->sessionTokenHash, common::Digest::sha256Hex(result.token));
    EXPECT_FALSE(service.authenticate(result.token + "x"));
    EXPECT_FALSE(service.authenticate(""));
}

TEST_F(AuthServiceTest, StoresOnlyTheHashOfTheToken) {
    const auto result = login();
    std::int64_t withToken = -1, withHash = -1;
    database->read([&](store::Sql& sql) {
        using namespace Poco::Data::Keywords;
        sql.statement("SELECT COUNT(*) FROM agent_sessions WHERE token_hash = ?"), bind(result.token),
            into(withToken), now;
        sql.statement("SELECT COUNT(*) FROM agent_sessions WHERE token_hash = ?"),
            bind(common::Digest::sha256Hex(result.token)), into(withHash), now;
    });
    EXPECT_EQ(withToken, 0);
    EXPECT_EQ(withHash, 1);
}

TEST_F(AuthServiceTest, WrongPasswordUnknownEmailAndInactiveAgentAllGetTheSameError) {
    addAgent("agent-2", "ada@example.com", "another secret", false);
    const auto wrong = [&] { login("wrong password"); };
    const auto unknown = [&] { service.login("nobody@example.com", "correct horse", "198.51.100.2", ""); };
    const auto inactive = [&] { service.login("ada@example.com", "another secret", "198.51.100.3", ""); };
    std::string messages[3];
    int i = 0;
    for (const auto& call : {std::function<void()>(wrong), std::function<void()>(unknown),
                             std::function<void()>(inactive)}) {
        try {
            call();
            ADD_FAILURE() << "login " << i << " succeeded";
        } catch (const common::ApiError& error) {
            EXPECT_EQ(error.status(), 401);
            EXPECT_EQ(error.code(), "invalid_credentials");
            messages[i] = error.what();
        }
        ++i;
    }
    EXPECT_EQ(messages[0], messages[1]);
    EXPECT_EQ(messages[1], messages[2]);
}

TEST_F(AuthServiceTest, LimitsLoginsPerIpPerMinute) {
    for (int i = 0; i < 3; ++i) EXPECT_EQ(errorOf([&] { login("wrong"); }), "invalid_credentials");
    try {
        login(); // even the right password is refused now
        FAIL() << "the fourth attempt within a minute was allowed";
    } catch (const common::RateLimited& error) {
        EXPECT_EQ(error.status(), 429);
        EXPECT_EQ(error.retryAfterS(), 20);
    }
    // Another address is not affected.
    EXPECT_EQ(errorOf([&] { login("correct horse", "198.51.100.99"); }), "");
    clock.advanceMs(20'000);
    EXPECT_EQ(errorOf([&] { login(); }), "");
}

TEST_F(AuthServiceTest, LimitsLoginsPerAccountPerHourAcrossAddresses) {
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(errorOf([&] { login("wrong", "203.0.113." + std::to_string(i)); }), "invalid_credentials");
    try {
        login("correct horse", "203.0.113.50");
        FAIL() << "the sixth attempt on the account within an hour was allowed";
    } catch (const common::RateLimited& error) {
        EXPECT_EQ(error.retryAfterS(), 720); // one attempt refills every 3600 s / 5
    }
    // The limit is per account: another email from a fresh address is still let through to the password check.
    EXPECT_EQ(errorOf([&] { service.login("nobody@example.com", "x", "203.0.113.60", ""); }), "invalid_credentials");
    clock.advanceMs(720'000);
    EXPECT_EQ(errorOf([&] { login("correct horse", "203.0.113.51"); }), "");
}

TEST_F(AuthServiceTest, SessionsExpireAfterTheirTtlAndTheNextLoginDeletesThem) {
    const auto result = login();
    clock.advanceMs(2 * 3600 * 1000 - 1);
    EXPECT_TRUE(service.authenticate(result.token));
    clock.advanceMs(1);
    EXPECT_FALSE(service.authenticate(result.token));

    login("correct horse", "198.51.100.2");
    std::int64_t stored = -1;
    database->read([&](store::Sql& sql) {
        using namespace Poco::Data::Keywords;
        sql.statement("SELECT COUNT(*) FROM agent_sessions"), into(stored), now;
    });
    EXPECT_EQ(stored, 1);
}

TEST_F(AuthServiceTest, LogoutRevokesOnlyThatSession) {
    const auto first = login();
    const auto second = login();
    const auto firstCaller = *service.authenticate(first.token);
    const auto secondCaller = *service.authenticate(second.token);
    service.logout(firstCaller.sessionTokenHash);
    EXPECT_FALSE(service.authenticate(first.token));
    EXPECT_TRUE(service.authenticate(second.token));

    // The session's sockets are closed, the other session's are not.
    ASSERT_EQ(bus.events().size(), 1u);
    const auto change = events::AgentAccessChange::of(bus.events()[0]);
    ASSERT_TRUE(change);
    EXPECT_TRUE(change->affects(firstCaller.agent.id, firstCaller.sessionTokenHash));
    EXPECT_FALSE(change->affects(secondCaller.agent.id, secondCaller.sessionTokenHash));
}

TEST_F(AuthServiceTest, PasswordChangeRevokesTheOtherSessionsAndTakesEffect) {
    const auto current = login();
    const auto other = login("correct horse", "198.51.100.2");
    const auto caller = *service.authenticate(current.token);

    EXPECT_EQ(errorOf([&] { service.changePassword(caller, "not it", "a new passphrase"); }), "validation_failed");
    EXPECT_TRUE(service.authenticate(other.token)); // a refused change revokes nothing
    EXPECT_EQ(errorOf([&] { service.changePassword(caller, "correct horse", "short"); }), "validation_failed");

    EXPECT_TRUE(bus.events().empty()) << "a refused change closes no socket";
    service.changePassword(caller, "correct horse", "a new passphrase");
    EXPECT_TRUE(service.authenticate(current.token));
    EXPECT_FALSE(service.authenticate(other.token));
    ASSERT_EQ(bus.events().size(), 1u);
    const auto change = events::AgentAccessChange::of(bus.events()[0]);
    ASSERT_TRUE(change);
    EXPECT_FALSE(change->affects(caller.agent.id, caller.sessionTokenHash));
    EXPECT_TRUE(change->affects(caller.agent.id, "the other session"));
    EXPECT_EQ(errorOf([&] { login("correct horse", "198.51.100.3"); }), "invalid_credentials");
    EXPECT_EQ(errorOf([&] { login("a new passphrase", "198.51.100.4"); }), "");
}

TEST_F(AuthServiceTest, LimitsGuessesOfTheCurrentPassword) {
    const auto caller = *service.authenticate(login().token);
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(errorOf([&] { service.changePassword(caller, "guess", "a new passphrase"); }), "validation_failed");
    EXPECT_EQ(errorOf([&] { service.changePassword(caller, "correct horse", "a new passphrase"); }), "rate_limited");
}

TEST_F(AuthServiceTest, DeactivatedAgentsSessionsStopWorking) {
    const auto result = login();
    auto agent = *database->read([&](store::Sql& sql) { return agents.findById(sql, "agent-1"); });
    agent.active = false;
    database->write([&](store::Sql& sql) { agents.update(sql, agent); });
    EXPECT_FALSE(service.authenticate(result.token));
}

TEST_F(AuthServiceTest, RehashesAPasswordStoredWithOtherCosts) {
    const auth::PasswordHasher strong(auth::PasswordHasher::Strength::Interactive);
    database->write([&](store::Sql& sql) { agents.setPasswordHash(sql, "agent-1", strong.hash("correct horse"), 1); });
    login();
    const auto stored = database->read([&](store::Sql& sql) { return agents.findById(sql, "agent-1"); })->passwordHash;
    EXPECT_FALSE(hasher.needsRehash(stored));
    EXPECT_TRUE(hasher.verify(stored, "correct horse"));
}

} // namespace
