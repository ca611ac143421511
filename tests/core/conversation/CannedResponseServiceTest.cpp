#include "core/common/ApiError.h"
#include "core/conversation/CannedResponseService.h"
#include "core/store/AgentRepository.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using conversation::CannedResponse;
using conversation::CannedResponseService;
using switchboard::tests::TestDatabase;

namespace {

class CannedResponseServiceTest : public ::testing::Test {
protected:
    CannedResponseServiceTest()
        : service(*database, clock, [](const std::string& id) { return id == "demo" || id == "sales"; }, 50) {
        admin = addAgent("admin-1", "admin", {});
        ada = addAgent("ada", "agent", {"demo"});
        bob = addAgent("bob", "agent", {"sales"});
    }

    auth::Caller addAgent(const std::string& id, const std::string& role, std::vector<std::string> widgets) {
        auth::Caller caller;
        caller.agent.id = id;
        caller.agent.email = id + "@example.com";
        caller.agent.displayName = id;
        caller.agent.passwordHash = "x";
        caller.agent.role = role;
        caller.agent.widgets = std::move(widgets);
        database->write([&](store::Sql& sql) { store::AgentRepository().insert(sql, caller.agent); });
        return caller;
    }

    static CannedResponseService::Draft draft(const std::string& shortcut, const std::string& scope = "personal",
                                              std::optional<std::string> widget = std::nullopt) {
        CannedResponseService::Draft d;
        d.title = "Greeting " + shortcut;
        d.shortcut = shortcut;
        d.content = "Hello from " + shortcut;
        d.scope = scope;
        d.widgetId = std::move(widget);
        return d;
    }

    static std::string failureOf(const std::function<void()>& call) {
        try {
            call();
        } catch (const common::ApiError& error) {
            return std::to_string(error.status()) + "/" + error.code() + (error.field() ? "/" + *error.field() : "");
        }
        return "ok";
    }

    static std::vector<std::string> shortcutsOf(const std::vector<CannedResponse>& responses) {
        std::vector<std::string> out;
        for (const auto& r : responses) out.push_back(r.shortcut + ":" + r.scope);
        return out;
    }

    TestDatabase database;
    common::ManualClock clock;
    CannedResponseService service;
    auth::Caller admin, ada, bob;
};

TEST_F(CannedResponseServiceTest, AnyAgentCreatesPersonalResponsesOnlyAdminsSharedOnes) {
    const auto personal = service.create(ada, draft("/hi"));
    EXPECT_EQ(personal.scope, "personal");
    EXPECT_EQ(personal.ownerAgentId, "ada");
    EXPECT_EQ(personal.title, "Greeting /hi");
    EXPECT_EQ(personal.usageCount, 0);
    EXPECT_EQ(personal.createdAt, clock.nowMs());
    EXPECT_EQ(personal.id.size(), 36u);

    EXPECT_EQ(failureOf([&] { service.create(ada, draft("/team", "shared")); }), "403/forbidden");
    const auto shared = service.create(admin, draft("/team", "shared"));
    EXPECT_EQ(shared.scope, "shared");
    EXPECT_FALSE(shared.ownerAgentId);
}

TEST_F(CannedResponseServiceTest, ValidatesDrafts) {
    auto attempt = [&](auto change) {
        auto d = draft("/ok");
        change(d);
        return failureOf([&] { service.create(ada, d); });
    };
    EXPECT_EQ(attempt([](auto& d) { d.shortcut = "hello"; }), "422/validation_failed/shortcut");
    EXPECT_EQ(attempt([](auto& d) { d.shortcut = "/"; }), "422/validation_failed/shortcut");
    EXPECT_EQ(attempt([](auto& d) { d.shortcut = "/Hello"; }), "422/validation_failed/shortcut");
    EXPECT_EQ(attempt([](auto& d) { d.shortcut = "/" + std::string(33, 'a'); }), "422/validation_failed/shortcut");
    EXPECT_EQ(attempt([](auto& d) { d.title = " "; }), "422/validation_failed/title");
    EXPECT_EQ(attempt([](auto& d) { d.title = std::string(101, 'x'); }), "422/validation_failed/title");
    EXPECT_EQ(attempt([](auto& d) {
                  d.title.clear();
                  for (int i = 0; i < 100; ++i) d.title += "\u00e9"; // 100 characters, 200 bytes
              }),
              "ok");
    EXPECT_EQ(attempt([](auto& d) { d.content = "\n"; }), "422/validation_failed/content");
    EXPECT_EQ(attempt([](auto& d) { d.content = std::string(51, 'x'); }), "422/validation_failed/content");
    EXPECT_EQ(attempt([](auto& d) { d.scope = "team"; }), "400/invalid_field/scope");
    EXPECT_EQ(attempt([](auto& d) { d.widgetId = "nope"; }), "404/not_found");
    EXPECT_EQ(attempt([](auto& d) { d.widgetId = "sales"; }), "404/not_found") << "a widget ada does not serve";
    EXPECT_EQ(attempt([](auto& d) { d.shortcut = "/" + std::string(32, 'a') + ""; }), "ok");
    EXPECT_EQ(attempt([](auto& d) { d.shortcut = "/a_b-9"; }), "ok");
}

TEST_F(CannedResponseServiceTest, ADuplicateShortcutInTheSameScopeIsAConflict) {
    service.create(ada, draft("/hi"));
    EXPECT_EQ(failureOf([&] { service.create(ada, draft("/hi")); }), "409/conflict/shortcut");
    EXPECT_EQ(failureOf([&] { service.create(bob, draft("/hi")); }), "ok");
    EXPECT_EQ(failureOf([&] { service.create(admin, draft("/hi", "shared")); }), "ok");
    EXPECT_EQ(failureOf([&] { service.create(admin, draft("/hi", "shared", "demo")); }), "409/conflict/shortcut");

    const auto other = service.create(ada, draft("/other"));
    EXPECT_EQ(failureOf([&] { service.update(ada, other.id, draft("/hi")); }), "409/conflict/shortcut");
}

TEST_F(CannedResponseServiceTest, AgentsSeeSharedResponsesOfTheirWidgetsAndTheirOwnPersonalOnes) {
    service.create(admin, draft("/all", "shared"));
    service.create(admin, draft("/demo", "shared", "demo"));
    service.create(admin, draft("/sales", "shared", "sales"));
    service.create(ada, draft("/mine"));
    service.create(bob, draft("/bobs"));

    EXPECT_EQ(shortcutsOf(service.list(ada, std::nullopt)),
              (std::vector<std::string>{"/all:shared", "/demo:shared", "/mine:personal"}));
    EXPECT_EQ(shortcutsOf(service.list(bob, std::nullopt)),
              (std::vector<std::string>{"/all:shared", "/bobs:personal", "/sales:shared"}));
    EXPECT_EQ(shortcutsOf(service.list(admin, std::string("sales"))),
              (std::vector<std::string>{"/all:shared", "/sales:shared"}));
    EXPECT_EQ(shortcutsOf(service.list(ada, std::string("sales"))), (std::vector<std::string>{"/all:shared", "/mine:personal"}));
}

TEST_F(CannedResponseServiceTest, AShortcutFindsThePersonalResponseBeforeTheSharedOneAndCountsTheUse) {
    const auto shared = service.create(admin, draft("/hello", "shared"));
    EXPECT_EQ(service.useShortcut(ada, "/hello").id, shared.id);

    const auto mine = service.create(ada, draft("/hello"));
    auto used = service.useShortcut(ada, "/hello");
    EXPECT_EQ(used.id, mine.id);
    EXPECT_EQ(used.usageCount, 1);
    used = service.useShortcut(ada, "/hello");
    EXPECT_EQ(used.usageCount, 2);
    EXPECT_EQ(service.useShortcut(bob, "/hello").id, shared.id);

    const auto sharedNow = service.list(admin, std::nullopt);
    ASSERT_EQ(sharedNow.size(), 1u);
    EXPECT_EQ(sharedNow[0].usageCount, 2); // ada's first use and bob's

    EXPECT_EQ(failureOf([&] { service.useShortcut(ada, "/missing"); }), "404/not_found");
    service.create(admin, draft("/sales-only", "shared", "sales"));
    EXPECT_EQ(failureOf([&] { service.useShortcut(ada, "/sales-only"); }), "404/not_found");
}

TEST_F(CannedResponseServiceTest, UpdatesAndRemovesWithinTheCallersRights) {
    const auto mine = service.create(ada, draft("/mine"));
    const auto shared = service.create(admin, draft("/team", "shared"));
    clock.advanceMs(1000);

    auto changed = draft("/mine2");
    changed.content = "Updated";
    const auto updated = service.update(ada, mine.id, changed);
    EXPECT_EQ(updated.shortcut, "/mine2");
    EXPECT_EQ(updated.content, "Updated");
    EXPECT_EQ(updated.createdAt, mine.createdAt);
    EXPECT_EQ(updated.updatedAt, mine.createdAt + 1000);
    EXPECT_EQ(updated.ownerAgentId, "ada");

    EXPECT_EQ(failureOf([&] { service.update(bob, mine.id, draft("/x")); }), "404/not_found");
    EXPECT_EQ(failureOf([&] { service.remove(bob, mine.id); }), "404/not_found");
    EXPECT_EQ(failureOf([&] { service.update(ada, shared.id, draft("/x")); }), "403/forbidden");
    EXPECT_EQ(failureOf([&] { service.remove(ada, shared.id); }), "403/forbidden");
    EXPECT_EQ(failureOf([&] { service.update(ada, mine.id, draft("/x", "shared")); }), "403/forbidden");
    EXPECT_EQ(failureOf([&] { service.remove(ada, "no-such-id"); }), "404/not_found");

    service.remove(ada, mine.id);
    service.remove(admin, shared.id);
    EXPECT_TRUE(service.list(ada, std::nullopt).empty());
}

} // namespace
