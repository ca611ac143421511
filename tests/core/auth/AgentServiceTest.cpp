#include "core/auth/AgentService.h"
#include "core/auth/AuthService.h"
#include "core/common/ApiError.h"
#include "tests/support/RecordingEventBus.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

#include <set>

using namespace switchboard::core;
using switchboard::tests::TestDatabase;

namespace {

class AgentServiceTest : public ::testing::Test {
protected:
    AgentServiceTest()
        : limiter(clock), authService(*database, hasher, clock, limiter, config::AuthConfig{}, bus),
          service(*database, hasher, clock, [](const std::string& id) { return id == "demo" || id == "sales"; }, bus) {
        EXPECT_TRUE(service.ensureFirstAdmin("root@example.com", "root password"));
        adminToken = token("root@example.com", "root password");
        admin = *authService.authenticate(adminToken);
    }

    std::string token(const std::string& email, const std::string& password) {
        return authService.login(email, password, "198.51.100.1", "").token;
    }
    auth::Caller signIn(const std::string& email, const std::string& password) {
        return *authService.authenticate(token(email, password));
    }

    auth::Agent createAgent(const std::string& email, std::vector<std::string> widgets, std::string role = "agent") {
        auth::AgentService::NewAgent input;
        input.email = email;
        input.displayName = email.substr(0, email.find('@'));
        input.password = "password " + email;
        input.role = std::move(role);
        input.widgets = std::move(widgets);
        return service.create(admin, input);
    }

    /// "status/code[/field]" of the ApiError a call throws, or "ok".
    static std::string failureOf(const std::function<void()>& call) {
        try {
            call();
        } catch (const common::ApiError& error) {
            return std::to_string(error.status()) + "/" + error.code() + (error.field() ? "/" + *error.field() : "");
        }
        return "ok";
    }

    static std::set<std::string> emailsOf(const std::vector<auth::Agent>& agents) {
        std::set<std::string> emails;
        for (const auto& agent : agents) emails.insert(agent.email);
        return emails;
    }

    TestDatabase database;
    common::ManualClock clock;
    auth::PasswordHasher hasher{auth::PasswordHasher::Strength::Fast};
    limits::RateLimiter limiter;
    switchboard::tests::RecordingEventBus bus;
    auth::AuthService authService;
    std::string adminToken;
    auth::AgentService service;
    auth::Caller admin;
};

TEST_F(AgentServiceTest, EnsureFirstAdminCreatesAnAdminOnlyWhenThereIsNoAgent) {
    EXPECT_TRUE(admin.agent.isAdmin());
    EXPECT_EQ(admin.agent.email, "root@example.com");
    EXPECT_TRUE(admin.agent.serves("any-widget"));
    EXPECT_FALSE(service.ensureFirstAdmin("other@example.com", "other password"));
    EXPECT_EQ(service.list(admin).size(), 1u);
}

TEST_F(AgentServiceTest, TheOperatorCreatesAnAdminWhoCanSignInBesideTheTeam) {
    const auto created = service.createAdmin(" Boss@Example.com", "boss password");
    EXPECT_EQ(created.email, "boss@example.com");
    EXPECT_TRUE(created.isAdmin());
    EXPECT_EQ(signIn("boss@example.com", "boss password").agent.id, created.id);
    EXPECT_EQ(service.list(admin).size(), 2u);
}

TEST_F(AgentServiceTest, AnAdminForTheOperatorNeedsAFreeEmailAndAPasswordThePolicyAccepts) {
    EXPECT_EQ(failureOf([&] { service.createAdmin("root@example.com", "another password"); }), "409/conflict");
    EXPECT_EQ(failureOf([&] { service.createAdmin("boss@example.com", "short"); }), "422/validation_failed/password");
    EXPECT_EQ(failureOf([&] { service.createAdmin("boss", "boss password"); }), "422/invalid_email/email");
}

TEST_F(AgentServiceTest, TellsWhetherTheTeamHasAnActiveAdmin) {
    EXPECT_TRUE(service.hasActiveAdmin());
    TestDatabase empty;
    auth::AgentService team(*empty, hasher, clock, [](const std::string&) { return true; }, bus);
    EXPECT_FALSE(team.hasActiveAdmin());
}

TEST_F(AgentServiceTest, CreatesAnAgentWhoCanSignIn) {
    auth::AgentService::NewAgent input;
    input.email = " Ada@Example.com";
    input.displayName = "  Ada Lovelace ";
    input.password = "analytical";
    input.widgets = {"sales", "demo", "sales"};
    input.maxConcurrentChats = 3;
    const auto created = service.create(admin, input);
    EXPECT_EQ(created.email, "ada@example.com");
    EXPECT_EQ(created.displayName, "Ada Lovelace");
    EXPECT_EQ(created.role, "agent");
    EXPECT_EQ(created.widgets, (std::vector<std::string>{"demo", "sales"}));
    EXPECT_EQ(created.maxConcurrentChats, 3);
    EXPECT_EQ(created.createdAt, clock.nowMs());

    const auto caller = signIn("ada@example.com", "analytical");
    EXPECT_EQ(caller.agent.id, created.id);
    EXPECT_EQ(service.get(admin, created.id).widgets, created.widgets);
}

TEST_F(AgentServiceTest, ValidatesNewAgents) {
    auto attempt = [&](auto change) {
        auth::AgentService::NewAgent input;
        input.email = "new@example.com";
        input.displayName = "New";
        input.password = "long enough";
        input.widgets = {"demo"};
        change(input);
        return failureOf([&] { service.create(admin, input); });
    };
    EXPECT_EQ(attempt([](auto& in) { in.email = "not-an-email"; }), "422/invalid_email/email");
    EXPECT_EQ(attempt([](auto& in) { in.password = "1234567"; }), "422/validation_failed/password");
    EXPECT_EQ(attempt([](auto& in) { in.displayName = "   "; }), "422/validation_failed/display_name");
    EXPECT_EQ(attempt([](auto& in) { in.role = "owner"; }), "400/invalid_field/role");
    EXPECT_EQ(attempt([](auto& in) { in.widgets = {"demo", "nope"}; }), "422/validation_failed/widgets");
    EXPECT_EQ(attempt([](auto& in) { in.maxConcurrentChats = -1; }), "422/validation_failed/max_concurrent_chats");
    EXPECT_EQ(attempt([](auto& in) { in.maxConcurrentChats = 0; }), "422/validation_failed/max_concurrent_chats");
    EXPECT_EQ(attempt([](auto& in) { in.maxConcurrentChats = 1001; }), "422/validation_failed/max_concurrent_chats");
    EXPECT_EQ(attempt([](auto& in) { in.password = "12345678"; }), "ok");
    EXPECT_EQ(attempt([](auto& in) { in.email = "NEW@example.com"; }), "409/conflict");
}

TEST_F(AgentServiceTest, OnlyAdminsManageAgents) {
    const auto ada = createAgent("ada@example.com", {"demo"});
    const auto caller = signIn("ada@example.com", "password ada@example.com");
    auth::AgentService::NewAgent input;
    EXPECT_EQ(failureOf([&] { service.create(caller, input); }), "403/forbidden");
    EXPECT_EQ(failureOf([&] { service.get(caller, admin.agent.id); }), "403/forbidden");
    EXPECT_EQ(failureOf([&] { service.update(caller, ada.id, {}); }), "403/forbidden");
    EXPECT_EQ(failureOf([&] { service.deactivate(caller, admin.agent.id); }), "403/forbidden");
    EXPECT_EQ(failureOf([&] { service.get(admin, "no-such-agent"); }), "404/not_found");
    EXPECT_EQ(failureOf([&] { service.update(admin, "no-such-agent", {}); }), "404/not_found");
    EXPECT_EQ(failureOf([&] { service.deactivate(admin, "no-such-agent"); }), "404/not_found");
}

TEST_F(AgentServiceTest, AgentsSeeActiveTeammatesWhoShareAWidget) {
    createAgent("ada@example.com", {"demo"});
    createAgent("bob@example.com", {"demo", "sales"});
    createAgent("cy@example.com", {"sales"});
    const auto gone = createAgent("dee@example.com", {"demo"});
    service.deactivate(admin, gone.id);

    const auto ada = signIn("ada@example.com", "password ada@example.com");
    EXPECT_EQ(emailsOf(service.list(ada)),
              (std::set<std::string>{"ada@example.com", "bob@example.com", "root@example.com"}));
    EXPECT_EQ(service.list(admin).size(), 5u);
}

TEST_F(AgentServiceTest, UpdatesOnlyTheGivenFields) {
    const auto ada = createAgent("ada@example.com", {"demo"});
    auth::AgentService::AgentChanges changes;
    changes.displayName = "Countess";
    changes.widgets = std::vector<std::string>{"sales"};
    clock.advanceMs(5000);
    const auto updated = service.update(admin, ada.id, changes);
    EXPECT_EQ(updated.displayName, "Countess");
    EXPECT_EQ(updated.widgets, std::vector<std::string>{"sales"});
    EXPECT_EQ(updated.email, "ada@example.com");
    EXPECT_EQ(updated.maxConcurrentChats, 5);
    EXPECT_EQ(updated.updatedAt, ada.createdAt + 5000);
    EXPECT_EQ(service.get(admin, ada.id).displayName, "Countess");

    createAgent("bob@example.com", {});
    auth::AgentService::AgentChanges taken;
    taken.email = "bob@example.com";
    EXPECT_EQ(failureOf([&] { service.update(admin, ada.id, taken); }), "409/conflict");
    taken.email = "bad";
    EXPECT_EQ(failureOf([&] { service.update(admin, ada.id, taken); }), "422/invalid_email/email");
}

TEST_F(AgentServiceTest, ANewPasswordRevokesTheAgentsSessions) {
    const auto ada = createAgent("ada@example.com", {"demo"});
    const auto adaToken = token("ada@example.com", "password ada@example.com");
    auth::AgentService::AgentChanges changes;
    changes.password = "a brand new one";
    service.update(admin, ada.id, changes);
    EXPECT_FALSE(authService.authenticate(adaToken));
    EXPECT_EQ(signIn("ada@example.com", "a brand new one").agent.id, ada.id);
}

TEST_F(AgentServiceTest, AnAdminChangingTheirOwnPasswordKeepsTheirSession) {
    const auto otherToken = token("root@example.com", "root password");
    auth::AgentService::AgentChanges changes;
    changes.password = "new root password";
    service.update(admin, admin.agent.id, changes);
    EXPECT_FALSE(authService.authenticate(otherToken));
    EXPECT_TRUE(authService.authenticate(adminToken));
}

TEST_F(AgentServiceTest, DeactivationRevokesSessionsAndBlocksSignIn) {
    const auto ada = createAgent("ada@example.com", {"demo"});
    const auto adaToken = token("ada@example.com", "password ada@example.com");
    service.deactivate(admin, ada.id);
    EXPECT_FALSE(service.get(admin, ada.id).active);
    const auto sessionsLeft = database->read([&](store::Sql& sql) {
        std::int64_t count = 0;
        using namespace Poco::Data::Keywords;
        sql.statement("SELECT COUNT(*) FROM agent_sessions WHERE agent_id = ?"), bind(ada.id), into(count), now;
        return count;
    });
    EXPECT_EQ(sessionsLeft, 0);
    EXPECT_FALSE(authService.authenticate(adaToken));
    EXPECT_EQ(failureOf([&] { signIn("ada@example.com", "password ada@example.com"); }), "401/invalid_credentials");
    EXPECT_EQ(failureOf([&] { service.deactivate(admin, ada.id); }), "ok"); // again: nothing left to do

    auth::AgentService::AgentChanges reactivate;
    reactivate.active = true;
    EXPECT_TRUE(service.update(admin, ada.id, reactivate).active);
    EXPECT_EQ(signIn("ada@example.com", "password ada@example.com").agent.id, ada.id);
}

TEST_F(AgentServiceTest, ChangesToWhatAnAgentMaySeeOrWhoMaySignInTellTheAgentsSockets) {
    const auto ada = createAgent("ada@example.com", {"demo"});
    const auto changes = [&](const auth::AgentService::AgentChanges& change, const std::string& id) {
        bus.clear();
        service.update(admin, id, change);
        std::vector<events::AgentAccessChange> found;
        for (const auto& event : bus.events()) {
            if (auto access = events::AgentAccessChange::of(event)) found.push_back(*access);
        }
        return found;
    };
    const auto isAll = [](const std::vector<events::AgentAccessChange>& found, const std::string& agentId) {
        return found.size() == 1 && found[0].sessions == events::AgentAccessChange::Sessions::All &&
               found[0].agentId == agentId;
    };

    auth::AgentService::AgentChanges capacity;
    capacity.maxConcurrentChats = 9;
    capacity.email = "ada.lovelace@example.com";
    EXPECT_TRUE(changes(capacity, ada.id).empty()) << "nothing the sockets carry depends on these";

    auth::AgentService::AgentChanges rename;
    rename.displayName = "Countess";
    EXPECT_TRUE(isAll(changes(rename, ada.id), ada.id)) << "typing and messages over the socket carry the name";

    auth::AgentService::AgentChanges widgets;
    widgets.widgets = std::vector<std::string>{"sales"};
    EXPECT_TRUE(isAll(changes(widgets, ada.id), ada.id));
    auth::AgentService::AgentChanges role;
    role.role = "admin";
    EXPECT_TRUE(isAll(changes(role, ada.id), ada.id));
    auth::AgentService::AgentChanges password;
    password.password = "a brand new one";
    EXPECT_TRUE(isAll(changes(password, ada.id), ada.id));
    auth::AgentService::AgentChanges inactive;
    inactive.active = false;
    EXPECT_TRUE(isAll(changes(inactive, ada.id), ada.id));

    // An admin changing their own password keeps the session they did it from, and its sockets.
    const auto own = changes(password, admin.agent.id);
    ASSERT_EQ(own.size(), 1u);
    EXPECT_FALSE(own[0].affects(admin.agent.id, admin.sessionTokenHash));
    EXPECT_TRUE(own[0].affects(admin.agent.id, "another session"));

    bus.clear();
    service.deactivate(admin, ada.id);
    ASSERT_EQ(bus.events().size(), 1u);
    EXPECT_TRUE(events::AgentAccessChange::of(bus.events()[0])->affects(ada.id, "any session"));
}

TEST_F(AgentServiceTest, TheLastActiveAdminCannotBeDemotedOrDeactivated) {
    auth::AgentService::AgentChanges demote;
    demote.role = "agent";
    EXPECT_EQ(failureOf([&] { service.update(admin, admin.agent.id, demote); }), "422/validation_failed/role");
    EXPECT_EQ(failureOf([&] { service.deactivate(admin, admin.agent.id); }), "422/validation_failed/active");

    createAgent("second@example.com", {}, "admin");
    EXPECT_EQ(service.update(admin, admin.agent.id, demote).role, "agent");
}

} // namespace
