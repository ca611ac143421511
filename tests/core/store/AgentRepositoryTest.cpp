#include "core/store/AgentRepository.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::TestDatabase;

namespace {

auth::Agent makeAgent(const std::string& id, const std::string& email, const std::string& name = "Grace") {
    auth::Agent agent;
    agent.id = id;
    agent.email = email;
    agent.displayName = name;
    agent.passwordHash = "hash-" + id;
    agent.widgets = {"support", "demo"};
    agent.createdAt = 1000;
    agent.updatedAt = 1000;
    return agent;
}

class AgentRepositoryTest : public ::testing::Test {
protected:
    bool insert(const auth::Agent& agent) {
        return database->write([&](store::Sql& sql) { return agents.insert(sql, agent); });
    }
    std::optional<auth::Agent> find(const std::string& id) {
        return database->read([&](store::Sql& sql) { return agents.findById(sql, id); });
    }

    TestDatabase database;
    store::AgentRepository agents;
};

TEST_F(AgentRepositoryTest, InsertedAgentIsFoundByIdAndEmailWithItsWidgets) {
    auto agent = makeAgent("a1", "grace@example.com");
    agent.role = "admin";
    agent.maxConcurrentChats = 7;
    ASSERT_TRUE(insert(agent));

    auto found = find("a1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->email, "grace@example.com");
    EXPECT_EQ(found->displayName, "Grace");
    EXPECT_EQ(found->passwordHash, "hash-a1");
    EXPECT_EQ(found->role, "admin");
    EXPECT_EQ(found->status, "offline");
    EXPECT_EQ(found->maxConcurrentChats, 7);
    EXPECT_TRUE(found->active);
    EXPECT_EQ(found->createdAt, 1000);
    EXPECT_EQ(found->widgets, (std::vector<std::string>{"demo", "support"}));

    auto byEmail = database->read([&](store::Sql& sql) { return agents.findByEmail(sql, "grace@example.com"); });
    ASSERT_TRUE(byEmail);
    EXPECT_EQ(byEmail->id, "a1");
    EXPECT_FALSE(find("missing"));
}

TEST_F(AgentRepositoryTest, InsertWithATakenEmailReturnsFalseAndAddsNothing) {
    ASSERT_TRUE(insert(makeAgent("a1", "grace@example.com")));
    EXPECT_FALSE(insert(makeAgent("a2", "grace@example.com")));
    EXPECT_FALSE(find("a2"));
    EXPECT_EQ(database->read([&](store::Sql& sql) { return agents.count(sql); }), 1);
}

TEST_F(AgentRepositoryTest, UpdateSavesTheProfileAndReplacesTheWidgets) {
    ASSERT_TRUE(insert(makeAgent("a1", "grace@example.com")));
    auto agent = *find("a1");
    agent.email = "hopper@example.com";
    agent.displayName = "Grace Hopper";
    agent.role = "admin";
    agent.maxConcurrentChats = 2;
    agent.active = false;
    agent.widgets = {"sales"};
    agent.updatedAt = 2000;
    ASSERT_TRUE(database->write([&](store::Sql& sql) { return agents.update(sql, agent); }));

    auto found = *find("a1");
    EXPECT_EQ(found.email, "hopper@example.com");
    EXPECT_EQ(found.displayName, "Grace Hopper");
    EXPECT_EQ(found.role, "admin");
    EXPECT_EQ(found.maxConcurrentChats, 2);
    EXPECT_FALSE(found.active);
    EXPECT_EQ(found.widgets, std::vector<std::string>{"sales"});
    EXPECT_EQ(found.updatedAt, 2000);
    EXPECT_EQ(found.passwordHash, "hash-a1");
}

TEST_F(AgentRepositoryTest, UpdateToAnotherAgentsEmailChangesNothing) {
    ASSERT_TRUE(insert(makeAgent("a1", "grace@example.com")));
    ASSERT_TRUE(insert(makeAgent("a2", "ada@example.com", "Ada")));
    auto agent = *find("a2");
    agent.email = "grace@example.com";
    agent.displayName = "Changed";
    agent.widgets = {};
    EXPECT_FALSE(database->write([&](store::Sql& sql) { return agents.update(sql, agent); }));

    auto found = *find("a2");
    EXPECT_EQ(found.email, "ada@example.com");
    EXPECT_EQ(found.displayName, "Ada");
    EXPECT_EQ(found.widgets.size(), 2u);
}

TEST_F(AgentRepositoryTest, SetPasswordHashReplacesOnlyTheHash) {
    ASSERT_TRUE(insert(makeAgent("a1", "grace@example.com")));
    database->write([&](store::Sql& sql) { agents.setPasswordHash(sql, "a1", "new-hash", 5000); });
    auto found = *find("a1");
    EXPECT_EQ(found.passwordHash, "new-hash");
    EXPECT_EQ(found.updatedAt, 5000);
    EXPECT_EQ(found.email, "grace@example.com");
}

TEST_F(AgentRepositoryTest, ListsEveryAgentByDisplayNameAndCountsActiveAdmins) {
    auto zoe = makeAgent("a1", "zoe@example.com", "Zoe");
    zoe.role = "admin";
    auto ada = makeAgent("a2", "ada@example.com", "Ada");
    ada.role = "admin";
    ada.active = false;
    auto max = makeAgent("a3", "max@example.com", "Max");
    max.widgets = {};
    for (const auto& agent : {zoe, ada, max}) ASSERT_TRUE(insert(agent));

    auto all = database->read([&](store::Sql& sql) { return agents.list(sql); });
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].displayName, "Ada");
    EXPECT_EQ(all[1].displayName, "Max");
    EXPECT_EQ(all[2].displayName, "Zoe");
    EXPECT_EQ(all[0].widgets.size(), 2u);
    EXPECT_TRUE(all[1].widgets.empty());
    EXPECT_FALSE(all[0].active);
    EXPECT_EQ(database->read([&](store::Sql& sql) { return agents.countActiveAdmins(sql); }), 1);
    EXPECT_EQ(database->read([&](store::Sql& sql) { return agents.count(sql); }), 3);
}

} // namespace
