#include <switchboard/sdk/Channel.h>

#include <gtest/gtest.h>

namespace sdk = switchboard::sdk;

namespace {

/// Implements only what a channel must.
class MinimalChannel : public sdk::Channel {
public:
    sdk::SettingErrors configure(const sdk::Settings&, sdk::HostServices&) override { return {}; }
    sdk::DeliveryResult deliver(const sdk::Delivery&) override { return sdk::DeliveryResult::delivered(); }
};

TEST(ChannelTest, ByDefaultAChannelDescribesNothing) {
    const auto description = MinimalChannel().describe();
    EXPECT_EQ(description.displayName, "");
    EXPECT_TRUE(description.handoverMethods.empty());
    EXPECT_TRUE(description.instanceSettings.empty());
    EXPECT_TRUE(description.methodSettings.empty());
}

TEST(ChannelTest, ByDefaultAChannelOffersNoTest) {
    MinimalChannel channel;
    const auto result = channel.test({{"url", "https://crm.example"}});
    EXPECT_EQ(result.outcome, sdk::TestResult::Outcome::NotSupported);
    EXPECT_EQ(result.detail, "this channel offers no test");
}

TEST(ChannelTest, ByDefaultAChannelAcceptsAnyMethodSettingsAndTakesNoCallbacks) {
    MinimalChannel channel;
    EXPECT_TRUE(channel.validateMethod({{"anything", "goes"}}).empty());
    const auto answer = channel.inbound({});
    EXPECT_EQ(answer.status, 404);
}

} // namespace
