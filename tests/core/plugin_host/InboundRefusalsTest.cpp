#include "core/plugin_host/InboundRefusals.h"
#include "tests/support/LogCapture.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::core::plugin_host::InboundRefusals;
using switchboard::sdk::InboundOutcome;
using switchboard::tests::LogCapture;

namespace {

TEST(InboundRefusalsTest, RefusalsAreCountedPerInstanceWithTheLatestReason) {
    common::ManualClock clock{1'700'000'000'000};
    InboundRefusals refusals(clock);
    EXPECT_EQ(refusals.counted("sms", InboundOutcome::stored("c-1", false)).conversationId, "c-1");
    EXPECT_TRUE(refusals.counts().empty());

    refusals.counted("sms", InboundOutcome::refused("no open conversation"));
    clock.advanceMs(10);
    const auto answer = refusals.counted("sms", InboundOutcome::refused("text is empty"));
    EXPECT_EQ(answer.reason, "text is empty");
    refusals.counted("email", InboundOutcome::refused("unknown widget"));

    const auto counts = refusals.counts();
    ASSERT_EQ(counts.size(), 2u);
    EXPECT_EQ(counts[0].instance, "email");
    EXPECT_EQ(counts[0].refused, 1u);
    EXPECT_EQ(counts[1].instance, "sms");
    EXPECT_EQ(counts[1].refused, 2u);
    EXPECT_EQ(counts[1].lastReason, "text is empty");
    EXPECT_EQ(counts[1].lastRefusedAtMs, 1'700'000'000'010);
    EXPECT_EQ(refusals.sinceMs(), 1'700'000'000'000);
}

TEST(InboundRefusalsTest, RefusalsAreLoggedAtMostOnceAMinutePerInstanceWithWhatWasHeldBack) {
    common::ManualClock clock{1'700'000'000'000};
    InboundRefusals refusals(clock);
    LogCapture log("channel.sms");
    refusals.counted("sms", InboundOutcome::refused("no open conversation"));
    refusals.counted("sms", InboundOutcome::refused("no open conversation"));
    refusals.counted("sms", InboundOutcome::refused("text is empty"));
    clock.advanceMs(InboundRefusals::WarningIntervalMs);
    refusals.counted("sms", InboundOutcome::refused("unknown widget"));

    const auto lines = log.lines();
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].priority, Poco::Message::PRIO_WARNING);
    EXPECT_EQ(lines[0].text, "refused an inbound message: no open conversation");
    EXPECT_EQ(lines[1].text, "refused 3 inbound messages since the last warning, the latest: unknown widget");
}

} // namespace
