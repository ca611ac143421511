#include "core/store/AgentRepository.h"
#include "core/store/SessionRepository.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::TestDatabase;

namespace {

class SessionRepositoryTest : public ::testing::Test {
protected:
    SessionRepositoryTest() {
        for (const char* id : {"a1", "a2"}) {
            auth::Agent agent;
            agent.id = id;
            agent.email = std::string(id) + "@example.com";
            agent.displayName = id;
            agent.passwordHash = "x";
            agent.widgets = {"demo"};
            database->write([&](store::Sql& sql) { agents.insert(sql, agent); });
        }
    }

    void addSession(const std::string& tokenHash, const std::string& agentId, std::int64_t expiresAt) {
        auth::AgentSession session{tokenHash, agentId, 100, expiresAt, std::string("198.51.100.7"), std::nullopt};
        database->write([&](store::Sql& sql) { sessions.insert(sql, session); });
    }
    std::optional<auth::Agent> agentOf(const std::string& tokenHash, std::int64_t nowMs) {
        return database->read([&](store::Sql& sql) { return sessions.findAgent(sql, tokenHash, nowMs); });
    }

    TestDatabase database;
    store::AgentRepository agents;
    store::SessionRepository sessions;
};

TEST_F(SessionRepositoryTest, FindsTheAgentOfAnUnexpiredSession) {
    addSession("h1", "a1", 1000);
    auto agent = agentOf("h1", 999);
    ASSERT_TRUE(agent);
    EXPECT_EQ(agent->id, "a1");
    EXPECT_EQ(agent->widgets, std::vector<std::string>{"demo"});
    EXPECT_FALSE(agentOf("h1", 1000)); // expiry is exclusive
    EXPECT_FALSE(agentOf("unknown", 0));
}

TEST_F(SessionRepositoryTest, IgnoresSessionsOfDeactivatedAgents) {
    addSession("h1", "a1", 1000);
    auto agent = *database->read([&](store::Sql& sql) { return agents.findById(sql, "a1"); });
    agent.active = false;
    database->write([&](store::Sql& sql) { agents.update(sql, agent); });
    EXPECT_FALSE(agentOf("h1", 0));
}

TEST_F(SessionRepositoryTest, RemovesOneSession) {
    addSession("h1", "a1", 1000);
    addSession("h2", "a1", 1000);
    EXPECT_TRUE(database->write([&](store::Sql& sql) { return sessions.remove(sql, "h1"); }));
    EXPECT_FALSE(database->write([&](store::Sql& sql) { return sessions.remove(sql, "h1"); }));
    EXPECT_FALSE(agentOf("h1", 0));
    EXPECT_TRUE(agentOf("h2", 0));
}

TEST_F(SessionRepositoryTest, RemovesAllSessionsOfAnAgentExceptTheKeptOne) {
    addSession("h1", "a1", 1000);
    addSession("h2", "a1", 1000);
    addSession("h3", "a1", 1000);
    addSession("other", "a2", 1000);
    EXPECT_EQ(database->write([&](store::Sql& sql) { return sessions.removeAllOfAgentExcept(sql, "a1", "h2"); }), 2u);
    EXPECT_FALSE(agentOf("h1", 0));
    EXPECT_TRUE(agentOf("h2", 0));
    EXPECT_FALSE(agentOf("h3", 0));
    EXPECT_TRUE(agentOf("other", 0));

    EXPECT_EQ(database->write([&](store::Sql& sql) { return sessions.removeAllOfAgent(sql, "a1"); }), 1u);
    EXPECT_FALSE(agentOf("h2", 0));
    EXPECT_TRUE(agentOf("other", 0));
}

TEST_F(SessionRepositoryTest, RemovesExpiredSessionsOnly) {
    addSession("old", "a1", 500);
    addSession("edge", "a2", 600);
    addSession("new", "a1", 5000);
    EXPECT_EQ(database->write([&](store::Sql& sql) { return sessions.removeExpired(sql, 600); }), 2u);
    EXPECT_TRUE(agentOf("new", 600));
    // Gone for good, not merely expired: even an earlier clock does not find them.
    EXPECT_FALSE(agentOf("old", 0));
    EXPECT_FALSE(agentOf("edge", 0));
}

} // namespace
