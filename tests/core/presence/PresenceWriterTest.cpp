#include "core/presence/PresenceWriter.h"

#include "core/store/AgentRepository.h"
#include "core/store/VisitorRepository.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

#include <optional>

using namespace switchboard::core;
using presence::PresenceWriter;
using switchboard::tests::TestDatabase;

namespace {

class PresenceWriterTest : public ::testing::Test {
protected:
    void addVisitor(const std::string& id, std::int64_t lastSeenAt) {
        conversation::Visitor visitor;
        visitor.id = id;
        visitor.widgetId = "shop";
        visitor.firstSeenAt = 1'000;
        visitor.lastSeenAt = lastSeenAt;
        database->write([&](store::Sql& sql) { store::VisitorRepository().insert(sql, visitor, "token-" + id); });
    }

    std::int64_t lastSeenOf(const std::string& id) {
        auto visitor = database->read(
            [&](store::Sql& sql) { return store::VisitorRepository().findByTokenHash(sql, "token-" + id); });
        return visitor ? visitor->lastSeenAt : -1;
    }

    void addAgent(const std::string& id) {
        auth::Agent agent;
        agent.id = id;
        agent.email = id + "@example.com";
        agent.displayName = id;
        agent.passwordHash = "hash";
        database->write([&](store::Sql& sql) { store::AgentRepository().insert(sql, agent); });
    }

    std::string statusOf(const std::string& id) {
        auto agent = database->read([&](store::Sql& sql) { return store::AgentRepository().findById(sql, id); });
        return agent ? agent->status : "";
    }

    TestDatabase database;
};

} // namespace

TEST_F(PresenceWriterTest, WritesWhenVisitorsWereLastSeen) {
    addVisitor("v1", 1'000);
    addVisitor("v2", 1'000);
    {
        PresenceWriter writer(*database);
        writer.recordLastSeen("v1", 5'000);
    }
    EXPECT_EQ(lastSeenOf("v1"), 5'000);
    EXPECT_EQ(lastSeenOf("v2"), 1'000);
}

TEST_F(PresenceWriterTest, NeverMovesALastSeenTimeBack) {
    addVisitor("v1", 9'000);
    {
        PresenceWriter writer(*database);
        writer.recordLastSeen("v1", 7'000);
        writer.recordLastSeen("v1", 8'000);
    }
    EXPECT_EQ(lastSeenOf("v1"), 9'000);
}

TEST_F(PresenceWriterTest, TheLatestQueuedValueWins) {
    addVisitor("v1", 1'000);
    addAgent("a1");
    {
        PresenceWriter writer(*database);
        writer.recordLastSeen("v1", 3'000);
        writer.recordLastSeen("v1", 2'000);
        writer.recordAgentStatus("a1", "busy");
        writer.recordAgentStatus("a1", "away");
    }
    EXPECT_EQ(lastSeenOf("v1"), 3'000);
    EXPECT_EQ(statusOf("a1"), "away");
}

TEST_F(PresenceWriterTest, WritesTheStatusAgentsChose) {
    addAgent("a1");
    addAgent("a2");
    {
        PresenceWriter writer(*database);
        writer.recordAgentStatus("a1", "busy");
    }
    EXPECT_EQ(statusOf("a1"), "busy");
    EXPECT_EQ(statusOf("a2"), "offline");
}

TEST_F(PresenceWriterTest, ABacklogLargerThanOneBatchIsWrittenCompletely) {
    constexpr int count = 600;
    database->write([&](store::Sql& sql) {
        for (int i = 0; i < count; ++i) {
            conversation::Visitor visitor;
            visitor.id = "v" + std::to_string(i);
            visitor.widgetId = "shop";
            visitor.firstSeenAt = visitor.lastSeenAt = 1'000;
            store::VisitorRepository().insert(sql, visitor, "token-" + visitor.id);
        }
    });
    {
        PresenceWriter writer(*database);
        for (int i = 0; i < count; ++i) writer.recordLastSeen("v" + std::to_string(i), 2'000 + i);
    }
    for (int i = 0; i < count; i += 97) EXPECT_EQ(lastSeenOf("v" + std::to_string(i)), 2'000 + i) << i;
    EXPECT_EQ(lastSeenOf("v599"), 2'599);
}

TEST_F(PresenceWriterTest, AWriteTheDatabaseRefusesIsDroppedWithoutStoppingTheHub) {
    addAgent("a1");
    {
        PresenceWriter writer(*database);
        // The schema's CHECK refuses this status; the worker must survive it and still drain.
        writer.recordAgentStatus("a1", "sleeping");
    }
    EXPECT_EQ(statusOf("a1"), "offline");
}
