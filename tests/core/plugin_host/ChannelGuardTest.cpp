#include "core/common/ApiError.h"
#include "core/plugin_host/ChannelGuard.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>

using switchboard::core::plugin_host::ChannelGuard;
namespace sdk = switchboard::sdk;

namespace {

using namespace std::chrono_literals;
using Outcome = sdk::DeliveryResult::Outcome;

/// Blocks every call whose message is "block" until opened.
class Gate {
public:
    void pass() {
        std::unique_lock lock(_mutex);
        _opened.wait(lock, [&] { return _open; });
    }
    void open() {
        {
            std::lock_guard lock(_mutex);
            _open = true;
        }
        _opened.notify_all();
    }

private:
    std::mutex _mutex;
    std::condition_variable _opened;
    bool _open = false;
};

/// Answers with the request id it got; "block" waits at the gate, "throw" throws, "throw-int" throws a non-exception.
class ScriptedChannel : public sdk::Channel {
public:
    explicit ScriptedChannel(std::shared_ptr<Gate> gate, std::shared_ptr<std::promise<void>> destroyed = nullptr)
        : _gate(std::move(gate)), _destroyed(std::move(destroyed)) {}
    ~ScriptedChannel() override {
        if (_destroyed) _destroyed->set_value();
    }

    sdk::SettingErrors configure(const sdk::Settings&, sdk::HostServices&) override { return {}; }

    sdk::DeliveryResult deliver(const sdk::Delivery& delivery) override {
        ++calls;
        lastThread = std::this_thread::get_id();
        if (delivery.requestId == "block") _gate->pass();
        if (delivery.requestId == "throw") throw std::runtime_error("boom");
        if (delivery.requestId == "throw-int") throw 42;
        return sdk::DeliveryResult::delivered(delivery.requestId);
    }

    /// The same script, read from the setting "do".
    sdk::TestResult test(const sdk::Settings& settings) override {
        ++calls;
        lastThread = std::this_thread::get_id();
        const auto script = settings.at("do");
        if (script == "block") _gate->pass();
        if (script == "throw") throw std::runtime_error("boom");
        if (script == "throw-int") throw 42;
        sdk::TestResult passed;
        passed.outcome = sdk::TestResult::Outcome::Passed;
        passed.detail = script;
        return passed;
    }

    std::atomic<int> calls{0};
    /// Read only after the call's result came back, which orders it after the write.
    std::thread::id lastThread;

private:
    std::shared_ptr<Gate> _gate;
    std::shared_ptr<std::promise<void>> _destroyed;
};

sdk::Delivery delivery(const std::string& requestId) {
    sdk::Delivery delivery;
    delivery.id = "d-1";
    delivery.requestId = requestId;
    return delivery;
}

class ChannelGuardTest : public ::testing::Test {
protected:
    ~ChannelGuardTest() override {
        gate->open();
        EXPECT_TRUE(guard.waitForHungCalls(10s));
    }

    std::shared_ptr<Gate> gate = std::make_shared<Gate>();
    std::shared_ptr<ScriptedChannel> channel = std::make_shared<ScriptedChannel>(gate);
    ChannelGuard guard{channel, 2};
};

TEST_F(ChannelGuardTest, ReturnsWhatTheChannelAnswers) {
    const auto result = guard.deliver(delivery("hello"), 5s);
    EXPECT_EQ(result.outcome, Outcome::Delivered);
    EXPECT_EQ(result.detail, "hello");
    EXPECT_EQ(channel->calls.load(), 1);
}

TEST_F(ChannelGuardTest, RunsTheNextCallOnTheThreadThatRanTheLastOne) {
    ASSERT_EQ(guard.deliver(delivery("first"), 5s).outcome, Outcome::Delivered);
    const auto firstThread = channel->lastThread;
    EXPECT_NE(firstThread, std::this_thread::get_id());
    EXPECT_EQ(guard.idleThreads(), 1u);

    ASSERT_EQ(guard.deliver(delivery("second"), 5s).outcome, Outcome::Delivered);
    EXPECT_EQ(channel->lastThread, firstThread);
    EXPECT_EQ(guard.idleThreads(), 1u);
}

TEST_F(ChannelGuardTest, TurnsAnExceptionIntoARetry) {
    const auto result = guard.deliver(delivery("throw"), 5s);
    EXPECT_EQ(result.outcome, Outcome::Retry);
    EXPECT_EQ(result.detail, "the channel failed: boom");

    const auto odd = guard.deliver(delivery("throw-int"), 5s);
    EXPECT_EQ(odd.outcome, Outcome::Retry);
    EXPECT_EQ(odd.detail, "the channel failed: it threw something that is not an exception");
    EXPECT_EQ(guard.hungCalls(), 0u);
}

TEST_F(ChannelGuardTest, AbandonsACallOverItsLimitAndKeepsDelivering) {
    const auto hung = guard.deliver(delivery("block"), 50ms);
    EXPECT_EQ(hung.outcome, Outcome::Retry);
    EXPECT_EQ(hung.detail, "the channel did not answer within 50 ms");
    EXPECT_EQ(guard.hungCalls(), 1u);

    EXPECT_EQ(guard.deliver(delivery("next"), 5s).outcome, Outcome::Delivered);

    gate->open();
    EXPECT_TRUE(guard.waitForHungCalls(10s));
    EXPECT_EQ(guard.hungCalls(), 0u);
    EXPECT_EQ(guard.idleThreads(), 2u); // the thread of the hung call is back for the next one
}

TEST_F(ChannelGuardTest, StopsCallingAChannelWithTooManyHungCallsUntilOneReturns) {
    guard.deliver(delivery("block"), 20ms);
    guard.deliver(delivery("block"), 20ms);
    ASSERT_EQ(guard.hungCalls(), 2u);

    const auto refused = guard.deliver(delivery("next"), 5s);
    EXPECT_EQ(refused.outcome, Outcome::Retry);
    EXPECT_EQ(refused.detail, "the channel is not called: 2 earlier deliveries are still hung past their time limit");
    EXPECT_EQ(channel->calls.load(), 2);

    gate->open();
    ASSERT_TRUE(guard.waitForHungCalls(10s));
    const auto result = guard.deliver(delivery("next"), 5s);
    EXPECT_EQ(result.outcome, Outcome::Delivered);
    EXPECT_EQ(channel->calls.load(), 3);
}

TEST_F(ChannelGuardTest, ReturnsWhatTheChannelsTestAnswersAndTurnsAnExceptionIntoAFailedTest) {
    const auto passed = guard.test({{"do", "hello"}}, 5s);
    EXPECT_EQ(passed.outcome, sdk::TestResult::Outcome::Passed);
    EXPECT_EQ(passed.detail, "hello");

    const auto thrown = guard.test({{"do", "throw"}}, 5s);
    EXPECT_EQ(thrown.outcome, sdk::TestResult::Outcome::Failed);
    EXPECT_EQ(thrown.detail, "the channel failed: boom");
    const auto odd = guard.test({{"do", "throw-int"}}, 5s);
    EXPECT_EQ(odd.outcome, sdk::TestResult::Outcome::Failed);
    EXPECT_EQ(odd.detail, "the channel failed: it threw something that is not an exception");
    EXPECT_NE(channel->lastThread, std::this_thread::get_id());
}

TEST_F(ChannelGuardTest, ATestOverItsLimitIsAGatewayTimeoutAndTooManyHungTestsAreNotRun) {
    const auto timedOut = [&](const sdk::Settings& settings) {
        try {
            guard.test(settings, 20ms);
        } catch (const switchboard::core::common::ApiError& error) {
            EXPECT_EQ(error.status(), 504);
            EXPECT_EQ(error.code(), "channel_timeout");
            return std::string(error.what());
        }
        ADD_FAILURE() << "the test was not cut short";
        return std::string();
    };
    EXPECT_EQ(timedOut({{"do", "block"}}), "the channel did not answer within 20 ms");
    EXPECT_EQ(timedOut({{"do", "block"}}), "the channel did not answer within 20 ms");
    EXPECT_EQ(timedOut({{"do", "hello"}}),
              "the channel is not called: 2 earlier tests are still hung past their time limit");
    EXPECT_EQ(channel->calls.load(), 2);

    gate->open();
    ASSERT_TRUE(guard.waitForHungCalls(10s));
    EXPECT_EQ(guard.test({{"do", "hello"}}, 5s).outcome, sdk::TestResult::Outcome::Passed);
}

TEST(ChannelGuardLifetimeTest, AHungCallKeepsItsChannelAliveAfterTheGuardIsGone) {
    auto gate = std::make_shared<Gate>();
    auto destroyed = std::make_shared<std::promise<void>>();
    auto whenDestroyed = destroyed->get_future();
    auto channel = std::make_shared<ScriptedChannel>(gate, destroyed);
    {
        ChannelGuard guard(channel, 1);
        EXPECT_EQ(guard.deliver(delivery("block"), 20ms).outcome, Outcome::Retry);
    }
    channel.reset();
    EXPECT_EQ(whenDestroyed.wait_for(0s), std::future_status::timeout);

    gate->open();
    EXPECT_EQ(whenDestroyed.wait_for(10s), std::future_status::ready);
}

} // namespace
