#include "core/common/ApiError.h"
#include "core/http/AuthGuard.h"
#include "tests/support/RecordingEventBus.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::TestDatabase;

namespace {

class AuthGuardTest : public ::testing::Test {
protected:
    AuthGuardTest() : limiter(clock), service(*database, hasher, clock, limiter, config::AuthConfig{}, bus), guard(service) {
        auth::Agent agent;
        agent.id = "agent-1";
        agent.email = "grace@example.com";
        agent.displayName = "Grace";
        agent.passwordHash = hasher.hash("correct horse");
        database->write([&](store::Sql& sql) { store::AgentRepository().insert(sql, agent); });
        token = service.login("grace@example.com", "correct horse", "198.51.100.1", "").token;
    }

    static http::HttpRequest requestWith(const std::string& header, const std::string& value) {
        http::HttpRequest request;
        request.method = "GET";
        request.path = "/api/me";
        if (!header.empty()) request.headers.add(header, value);
        return request;
    }

    /// The ApiError code `require` fails with, or the agent id it admits.
    std::string outcome(const http::HttpRequest& request) {
        try {
            return guard.require(request).agent.id;
        } catch (const common::ApiError& error) {
            EXPECT_EQ(error.status(), 401);
            return error.code();
        }
    }

    TestDatabase database;
    common::ManualClock clock;
    auth::PasswordHasher hasher{auth::PasswordHasher::Strength::Fast};
    limits::RateLimiter limiter;
    switchboard::tests::RecordingEventBus bus;
    auth::AuthService service;
    http::AuthGuard guard;
    std::string token;
};

TEST_F(AuthGuardTest, AdmitsABearerToken) {
    const auto caller = guard.require(requestWith("Authorization", "Bearer " + token));
    EXPECT_EQ(caller.agent.id, "agent-1");
    EXPECT_EQ(caller.sessionTokenHash, auth::AuthService::hashToken(token));
}

TEST_F(AuthGuardTest, AdmitsTheSessionCookie) {
    EXPECT_EQ(outcome(requestWith("Cookie", "theme=dark; sb_session=" + token)), "agent-1");
}

TEST_F(AuthGuardTest, RefusesRequestsWithoutAValidSession) {
    EXPECT_EQ(outcome(requestWith("", "")), "unauthorized");
    EXPECT_EQ(outcome(requestWith("Authorization", "Bearer not-a-session")), "unauthorized");
    EXPECT_EQ(outcome(requestWith("Authorization", "Basic " + token)), "unauthorized");
    EXPECT_EQ(outcome(requestWith("Cookie", "sb_session=")), "unauthorized");
    EXPECT_EQ(outcome(requestWith("Cookie", "other=" + token)), "unauthorized");
}

TEST_F(AuthGuardTest, RefusesAnExpiredOrRevokedSession) {
    const auto request = requestWith("Authorization", "Bearer " + token);
    clock.advanceMs(std::int64_t{config::AuthConfig{}.sessionTtlHours} * 3600 * 1000);
    EXPECT_EQ(outcome(request), "unauthorized");

    const auto fresh = service.login("grace@example.com", "correct horse", "198.51.100.1", "").token;
    const auto freshRequest = requestWith("Authorization", "Bearer " + fresh);
    EXPECT_EQ(outcome(freshRequest), "agent-1");
    service.logout(auth::AuthService::hashToken(fresh));
    EXPECT_EQ(outcome(freshRequest), "unauthorized");
}

TEST_F(AuthGuardTest, RefusesTheCookieOfAStateChangingRequestFromAnotherSite) {
    auto request = requestWith("Cookie", "sb_session=" + token);
    request.method = "POST";
    request.path = "/api/agents";
    request.headers.add("Host", "127.0.0.1:8080");
    request.headers.add("Origin", "http://127.0.0.1:9090");
    try {
        guard.require(request);
        FAIL() << "a form on another port of the same host used the session cookie";
    } catch (const common::ApiError& error) {
        EXPECT_EQ(error.status(), 403);
        EXPECT_EQ(error.code(), "cross_site_request");
    }

    request.headers.set("Authorization", "Bearer " + token);
    EXPECT_EQ(guard.require(request).agent.id, "agent-1") << "a bearer token is never sent by another site";
}

TEST_F(AuthGuardTest, ReadsTheTokenFromTheHeaderBeforeTheCookie) {
    auto request = requestWith("Authorization", "Bearer header-token");
    request.headers.add("Cookie", "sb_session=cookie-token");
    EXPECT_EQ(http::AuthGuard::tokenOf(request), "header-token");
    EXPECT_EQ(http::AuthGuard::tokenOf(requestWith("Cookie", "sb_session=cookie-token")), "cookie-token");
    EXPECT_FALSE(http::AuthGuard::tokenOf(requestWith("", "")));
}

} // namespace
