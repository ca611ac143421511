#include "core/conversation/VisitorChannels.h"

#include <gtest/gtest.h>

using namespace switchboard::core::conversation;
using switchboard::sdk::VisitorReach;

namespace {

VisitorChannels channels() {
    VisitorChannels channels;
    channels.add("whatsapp", "WhatsApp", VisitorReach::Phone);
    channels.add("crm", "Webhook", VisitorReach::None);
    channels.add("email", "Email", VisitorReach::Email);
    return channels;
}

ConversationView viewWith(std::optional<std::string> email, std::optional<std::string> phone) {
    ConversationView view;
    view.conversation.id = "c-1";
    view.visitor.email = std::move(email);
    view.visitor.phone = std::move(phone);
    return view;
}

} // namespace

TEST(VisitorChannelsTest, AChannelReachesAVisitorByTheContactItsReachNames) {
    const auto all = channels();
    const auto whatsapp = all.reach("whatsapp", std::string("ada@example.com"), std::string("+447700900123"));
    ASSERT_TRUE(whatsapp);
    EXPECT_EQ(whatsapp->address, "+447700900123");
    EXPECT_EQ(whatsapp->displayName, "WhatsApp");
    EXPECT_EQ(all.reach("email", std::string("ada@example.com"), std::nullopt)->address, "ada@example.com");
    EXPECT_FALSE(all.reach("email", std::nullopt, std::string("+447700900123")));
    EXPECT_FALSE(all.reach("crm", std::string("ada@example.com"), std::string("+447700900123")));
    EXPECT_FALSE(all.reach("nowhere", std::string("ada@example.com"), std::string("+447700900123")));
    EXPECT_EQ(all.reachAt("whatsapp", "whatsapp:+447700900123")->address, "whatsapp:+447700900123");
    EXPECT_FALSE(all.reachAt("crm", "+447700900123"));
    EXPECT_FALSE(all.reachAt("whatsapp", ""));
}

TEST(VisitorChannelsTest, TheOptionsAreEveryChannelThatReachesTheVisitorTheCurrentOneAtItsRecordedAddress) {
    auto view = viewWith(std::string("ada@example.com"), std::string("+447700900123"));
    view.conversation.visitorChannel = "whatsapp";
    view.conversation.visitorAddress = "whatsapp:+447700900999";
    const auto options = channels().options(view);
    ASSERT_EQ(options.size(), 2u);
    EXPECT_EQ(options[0].channel, "whatsapp");
    EXPECT_EQ(options[0].address, "whatsapp:+447700900999");
    EXPECT_EQ(options[1].channel, "email");
    EXPECT_EQ(channels().current(view)->address, "whatsapp:+447700900999");

    EXPECT_TRUE(channels().options(viewWith(std::nullopt, std::nullopt)).empty());
    EXPECT_FALSE(channels().current(viewWith(std::nullopt, std::nullopt)));
}

TEST(VisitorChannelsTest, AnInstanceNoLongerConfiguredIsStillShownWhereTheVisitorWasReached) {
    auto view = viewWith(std::nullopt, std::nullopt);
    view.conversation.visitorChannel = "sms-old";
    view.conversation.visitorAddress = "+447700900123";
    const auto current = channels().current(view);
    ASSERT_TRUE(current);
    EXPECT_EQ(current->displayName, "sms-old");
    EXPECT_TRUE(channels().options(view).empty());
}
