#include "core/store/AgentRepository.h"
#include "core/store/CannedResponseRepository.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using conversation::CannedResponse;
using switchboard::tests::TestDatabase;

namespace {

CannedResponse makeResponse(const std::string& id, const std::string& shortcut, const std::string& scope,
                            std::optional<std::string> owner = std::nullopt,
                            std::optional<std::string> widget = std::nullopt) {
    CannedResponse r;
    r.id = id;
    r.title = "Title " + id;
    r.shortcut = shortcut;
    r.content = "Content " + id;
    r.scope = scope;
    r.ownerAgentId = std::move(owner);
    r.widgetId = std::move(widget);
    r.createdAt = r.updatedAt = 100;
    return r;
}

std::vector<std::string> idsOf(const std::vector<CannedResponse>& responses) {
    std::vector<std::string> ids;
    for (const auto& r : responses) ids.push_back(r.id);
    return ids;
}

class CannedResponseRepositoryTest : public ::testing::Test {
protected:
    CannedResponseRepositoryTest() {
        for (const char* id : {"a1", "a2"}) {
            auth::Agent agent;
            agent.id = id;
            agent.email = std::string(id) + "@example.com";
            agent.displayName = id;
            agent.passwordHash = "x";
            database->write([&](store::Sql& sql) { agents.insert(sql, agent); });
        }
    }

    bool insert(const CannedResponse& r) {
        return database->write([&](store::Sql& sql) { return responses.insert(sql, r); });
    }
    std::optional<CannedResponse> find(const std::string& id) {
        return database->read([&](store::Sql& sql) { return responses.findById(sql, id); });
    }

    TestDatabase database;
    store::AgentRepository agents;
    store::CannedResponseRepository responses;
};

TEST_F(CannedResponseRepositoryTest, InsertedResponseReadsBackWithEveryField) {
    ASSERT_TRUE(insert(makeResponse("r1", "/hello", "personal", "a1", "demo")));
    auto found = find("r1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->title, "Title r1");
    EXPECT_EQ(found->shortcut, "/hello");
    EXPECT_EQ(found->content, "Content r1");
    EXPECT_EQ(found->widgetId, "demo");
    EXPECT_EQ(found->scope, "personal");
    EXPECT_EQ(found->ownerAgentId, "a1");
    EXPECT_EQ(found->usageCount, 0);
    EXPECT_EQ(found->createdAt, 100);

    ASSERT_TRUE(insert(makeResponse("r2", "/bye", "shared")));
    EXPECT_FALSE(find("r2")->widgetId);
    EXPECT_FALSE(find("r2")->ownerAgentId);
}

TEST_F(CannedResponseRepositoryTest, AShortcutIsUniqueWithinItsScopeOnly) {
    ASSERT_TRUE(insert(makeResponse("p1", "/hello", "personal", "a1")));
    EXPECT_FALSE(insert(makeResponse("p1-again", "/hello", "personal", "a1")));
    EXPECT_TRUE(insert(makeResponse("p2", "/hello", "personal", "a2")));
    ASSERT_TRUE(insert(makeResponse("s1", "/hello", "shared")));
    EXPECT_FALSE(insert(makeResponse("s2", "/hello", "shared", std::nullopt, "demo")));
    EXPECT_FALSE(find("p1-again"));
    EXPECT_FALSE(find("s2"));
}

TEST_F(CannedResponseRepositoryTest, UpdateIntoATakenShortcutChangesNothing) {
    ASSERT_TRUE(insert(makeResponse("p1", "/hello", "personal", "a1")));
    ASSERT_TRUE(insert(makeResponse("p2", "/bye", "personal", "a1")));
    ASSERT_TRUE(insert(makeResponse("s1", "/bye", "shared")));

    auto changed = *find("p1");
    changed.shortcut = "/bye";
    changed.title = "Changed";
    EXPECT_FALSE(database->write([&](store::Sql& sql) { return responses.update(sql, changed); }));
    EXPECT_EQ(find("p1")->title, "Title p1");

    // Moving it to the shared scope collides there too; to another free shortcut it goes through.
    changed.scope = "shared";
    changed.ownerAgentId.reset();
    EXPECT_FALSE(database->write([&](store::Sql& sql) { return responses.update(sql, changed); }));
    changed.shortcut = "/welcome";
    changed.updatedAt = 900;
    EXPECT_TRUE(database->write([&](store::Sql& sql) { return responses.update(sql, changed); }));
    auto saved = *find("p1");
    EXPECT_EQ(saved.scope, "shared");
    EXPECT_EQ(saved.shortcut, "/welcome");
    EXPECT_EQ(saved.title, "Changed");
    EXPECT_FALSE(saved.ownerAgentId);
    EXPECT_EQ(saved.updatedAt, 900);

    // Keeping its own shortcut is not a collision with itself.
    saved.content = "New content";
    EXPECT_TRUE(database->write([&](store::Sql& sql) { return responses.update(sql, saved); }));
    EXPECT_EQ(find("p1")->content, "New content");
}

TEST_F(CannedResponseRepositoryTest, ListsSharedAndOwnPersonalResponsesFilteredByWidget) {
    ASSERT_TRUE(insert(makeResponse("mine", "/a", "personal", "a1")));
    ASSERT_TRUE(insert(makeResponse("theirs", "/a", "personal", "a2")));
    ASSERT_TRUE(insert(makeResponse("shared-all", "/b", "shared")));
    ASSERT_TRUE(insert(makeResponse("shared-demo", "/c", "shared", std::nullopt, "demo")));
    ASSERT_TRUE(insert(makeResponse("shared-sales", "/d", "shared", std::nullopt, "sales")));
    ASSERT_TRUE(insert(makeResponse("mine-sales", "/e", "personal", "a1", "sales")));

    auto all = database->read([&](store::Sql& sql) { return responses.listFor(sql, "a1", std::nullopt); });
    EXPECT_EQ(idsOf(all), (std::vector<std::string>{"mine", "shared-all", "shared-demo", "shared-sales", "mine-sales"}));

    auto demo = database->read([&](store::Sql& sql) { return responses.listFor(sql, "a1", std::string("demo")); });
    EXPECT_EQ(idsOf(demo), (std::vector<std::string>{"mine", "shared-all", "shared-demo"}));
}

TEST_F(CannedResponseRepositoryTest, FindByShortcutPutsThePersonalResponseFirst) {
    ASSERT_TRUE(insert(makeResponse("shared", "/hello", "shared")));
    ASSERT_TRUE(insert(makeResponse("theirs", "/hello", "personal", "a2")));
    auto forA1 = database->read([&](store::Sql& sql) { return responses.findByShortcut(sql, "a1", "/hello"); });
    EXPECT_EQ(idsOf(forA1), std::vector<std::string>{"shared"});

    ASSERT_TRUE(insert(makeResponse("mine", "/hello", "personal", "a1")));
    forA1 = database->read([&](store::Sql& sql) { return responses.findByShortcut(sql, "a1", "/hello"); });
    EXPECT_EQ(idsOf(forA1), (std::vector<std::string>{"mine", "shared"}));
    EXPECT_TRUE(database->read([&](store::Sql& sql) { return responses.findByShortcut(sql, "a1", "/nope"); }).empty());
}

TEST_F(CannedResponseRepositoryTest, CountsUsesAndRemoves) {
    ASSERT_TRUE(insert(makeResponse("r1", "/hello", "shared")));
    database->write([&](store::Sql& sql) { responses.incrementUsage(sql, "r1"); });
    database->write([&](store::Sql& sql) { responses.incrementUsage(sql, "r1"); });
    EXPECT_EQ(find("r1")->usageCount, 2);

    EXPECT_TRUE(database->write([&](store::Sql& sql) { return responses.remove(sql, "r1"); }));
    EXPECT_FALSE(database->write([&](store::Sql& sql) { return responses.remove(sql, "r1"); }));
    EXPECT_FALSE(find("r1"));
}

} // namespace
