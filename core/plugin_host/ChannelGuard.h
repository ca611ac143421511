#pragma once

#include <switchboard/sdk/Channel.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace switchboard::core::plugin_host {

/// Calls one channel's `deliver` or `test` so that a plugin that throws or hangs fails that call, never the caller.
///
/// A call that hangs cannot be cancelled in C++, so each call runs on a thread of the guard's own that the caller
/// waits for up to its limit and then abandons: the thread keeps running (holding the channel, and through it the
/// plugin's library, alive) and the caller gets a failure. Hung calls are counted; while `maxHungCalls` of them are
/// still inside the plugin, the channel is not called again and calls fail at once, so a channel that hangs every
/// time ties up a bounded number of threads rather than one per call. A channel instance keeps one guard for its
/// deliveries and one for its tests, so that an admin's Test that hangs never holds up deliveries.
///
/// The threads are kept between calls: one that finished a call waits a while for the next instead of ending, and
/// one whose call was abandoned comes back once the call returns. They end when idle for long, or once the last
/// copy of the guard is gone.
///
/// Thread-safe; copies share the threads and the count of hung calls.
class ChannelGuard {
public:
    ChannelGuard(std::shared_ptr<sdk::Channel> channel, std::size_t maxHungCalls);

    /// The channel's result, or `DeliveryResult::retry` when it threw, did not answer within `limit`, or has too
    /// many calls hung. Never throws.
    sdk::DeliveryResult deliver(const sdk::Delivery& delivery, std::chrono::milliseconds limit) const;

    /// The channel's test result, or a failed one when it threw. Throws ApiError 504 `channel_timeout` when it did
    /// not answer within `limit` or has too many calls hung.
    sdk::TestResult test(const sdk::Settings& methodSettings, std::chrono::milliseconds limit) const;

    /// Calls abandoned after their limit that have not returned yet.
    std::size_t hungCalls() const;
    /// Waits up to `limit` for every hung call to return; true when none is left (for shutdown and tests).
    bool waitForHungCalls(std::chrono::milliseconds limit) const;
    /// Threads waiting for a call.
    std::size_t idleThreads() const;

private:
    struct State;
    /// Tells the idle threads to end when the last copy of the guard goes.
    struct Closer;

    /// How a call run by `run` ended.
    struct Ending {
        enum class Kind {
            Returned,
            /// The channel threw; `detail` says what.
            Threw,
            /// Not called (too many calls hung, no thread) or not waited for past its limit; `detail` says which.
            NotAnswered,
        };
        Kind kind;
        std::string detail;
    };

    /// Runs `work` on one of the guard's threads and waits up to `limit` for it to return; a refusal names the
    /// earlier `calls` ("deliveries") still hung. `work` must own everything it reads: an abandoned call outlives
    /// its caller.
    Ending run(std::function<void(sdk::Channel&)> work, std::chrono::milliseconds limit,
               const std::string& calls) const;

    std::shared_ptr<sdk::Channel> _channel;
    std::shared_ptr<State> _state;
    std::shared_ptr<Closer> _closer;
    std::size_t _maxHungCalls;
};

} // namespace switchboard::core::plugin_host
