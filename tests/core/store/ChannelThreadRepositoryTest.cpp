#include "core/store/ChannelThreadRepository.h"
#include "tests/core/handover/HandoverFixture.h"

using namespace switchboard::core;
using switchboard::tests::HandoverFixture;

namespace {

class ChannelThreadRepositoryTest : public HandoverFixture {
protected:
    template <class Fn>
    auto write(Fn fn) {
        return database->write([&](store::Sql& sql) { return fn(sql); });
    }

    store::ChannelThreadRepository threads;
};

TEST_F(ChannelThreadRepositoryTest, KeepsTheLatestReferencePerConversationAndChannel) {
    const auto first = seed(conversation::ConversationStatus::Bot, "1").conversationId;
    const auto second = seed(conversation::ConversationStatus::Bot, "2").conversationId;

    EXPECT_EQ(write([&](store::Sql& sql) { return threads.find(sql, first, "mail"); }), std::nullopt);
    write([&](store::Sql& sql) {
        threads.save(sql, first, "mail", "<a@hub.example>", 1);
        threads.save(sql, first, "whatsapp", "WA-1", 1);
        threads.save(sql, second, "mail", "<b@hub.example>", 1);
        threads.save(sql, first, "mail", "<c@hub.example>", 2);
    });

    EXPECT_EQ(write([&](store::Sql& sql) { return threads.find(sql, first, "mail"); }), "<c@hub.example>");
    EXPECT_EQ(write([&](store::Sql& sql) { return threads.find(sql, first, "whatsapp"); }), "WA-1");
    EXPECT_EQ(write([&](store::Sql& sql) { return threads.find(sql, second, "mail"); }), "<b@hub.example>");
    EXPECT_EQ(write([&](store::Sql& sql) { return threads.find(sql, second, "whatsapp"); }), std::nullopt);
}

TEST_F(ChannelThreadRepositoryTest, FindsTheReferencesOfSeveralConversationsAtOnce) {
    const auto first = seed(conversation::ConversationStatus::Bot, "1").conversationId;
    const auto second = seed(conversation::ConversationStatus::Bot, "2").conversationId;
    const auto third = seed(conversation::ConversationStatus::Bot, "3").conversationId;
    write([&](store::Sql& sql) {
        threads.save(sql, first, "mail", "<a@hub.example>", 1);
        threads.save(sql, first, "whatsapp", "WA-1", 1);
        threads.save(sql, second, "mail", "<b@hub.example>", 1);
        threads.save(sql, third, "mail", "<c@hub.example>", 1);
    });

    const auto found = write([&](store::Sql& sql) { return threads.findAll(sql, {first, second, first, "nobody"}); });
    using Key = std::pair<std::string, std::string>;
    EXPECT_EQ(found, (std::map<Key, std::string>{{{first, "mail"}, "<a@hub.example>"},
                                                 {{first, "whatsapp"}, "WA-1"},
                                                 {{second, "mail"}, "<b@hub.example>"}}));
    EXPECT_TRUE(write([&](store::Sql& sql) { return threads.findAll(sql, {}); }).empty());
}

} // namespace
