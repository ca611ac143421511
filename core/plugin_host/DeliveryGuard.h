#pragma once

#include <switchboard/sdk/Channel.h>

#include <chrono>
#include <cstddef>
#include <memory>

namespace switchboard::core::plugin_host {

/// Calls one channel's `deliver` so that a plugin that throws or hangs fails that attempt, never the caller.
///
/// A call that hangs cannot be cancelled in C++, so each call runs on a thread of the guard's own that the caller
/// waits for up to its limit and then abandons: the thread keeps running (holding the channel, and through it the
/// plugin's library, alive) and the caller gets a retry. Hung calls are counted; while `maxHungCalls` of them are
/// still inside the plugin, the channel is not called again and deliveries fail at once, so a channel that hangs
/// every time ties up a bounded number of threads rather than one per attempt.
///
/// The threads are kept between calls: one that finished a call waits a while for the next instead of ending, and
/// one whose call was abandoned comes back once the call returns. They end when idle for long, or once the last
/// copy of the guard is gone.
///
/// Thread-safe; copies share the threads and the count of hung calls.
class DeliveryGuard {
public:
    DeliveryGuard(std::shared_ptr<sdk::Channel> channel, std::size_t maxHungCalls);

    /// The channel's result, or `DeliveryResult::retry` when it threw, did not answer within `limit`, or has too
    /// many calls hung. Never throws.
    sdk::DeliveryResult deliver(const sdk::Delivery& delivery, std::chrono::milliseconds limit) const;

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

    std::shared_ptr<sdk::Channel> _channel;
    std::shared_ptr<State> _state;
    std::shared_ptr<Closer> _closer;
    std::size_t _maxHungCalls;
};

} // namespace switchboard::core::plugin_host
