#include "core/handover/HandoverCompletion.h"

#include "tests/core/handover/HandoverFixture.h"

using namespace switchboard::core;
using switchboard::tests::HandoverFixture;

namespace {

using HandoverCompletionTest = HandoverFixture;

TEST_F(HandoverCompletionTest, TakingTheConversationCompletesItsOpenRequestAndAnnouncesItAfterTheCommit) {
    const auto seeded = seed();
    const auto answer = service.request(seeded.visitor, ask(seeded));
    clock.advanceMs(5000);
    published.clear();

    const auto afterCommit =
        database->write([&](store::Sql& sql) { return completion.taken(sql, seeded.conversationId); });
    EXPECT_TRUE(published.empty()) << "nothing is announced from inside the transaction";
    const auto stored = requestById(answer.request.id);
    EXPECT_EQ(stored.status, handover::HandoverStatus::Completed);
    EXPECT_EQ(stored.completedAt, clock.nowMs());

    ASSERT_TRUE(afterCommit);
    afterCommit();
    EXPECT_EQ(published, std::vector<std::string>{"handover:updated"});
}

TEST_F(HandoverCompletionTest, WithNoOpenRequestNothingChangesAndNothingIsLeftToAnnounce) {
    const auto seeded = seed();
    service.request(seeded.visitor, ask(seeded));
    take(seeded.conversationId);
    published.clear();
    const auto afterCommit =
        database->write([&](store::Sql& sql) { return completion.taken(sql, seeded.conversationId); });
    EXPECT_FALSE(afterCommit);
}

TEST_F(HandoverCompletionTest, WhenTheAssigningTransactionRollsBackTheRequestStaysOpen) {
    const auto seeded = seed();
    const auto answer = service.request(seeded.visitor, ask(seeded));
    EXPECT_THROW(database->write([&](store::Sql& sql) {
        completion.taken(sql, seeded.conversationId);
        throw std::runtime_error("the assignment failed");
    }),
                 std::runtime_error);
    EXPECT_EQ(requestById(answer.request.id).status, handover::HandoverStatus::Pending);
}

} // namespace
