#include "core/plugin_host/DeliveryGuard.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

namespace switchboard::core::plugin_host {

namespace {

/// How long a thread waits for its next call before it ends.
constexpr std::chrono::seconds IdleTimeout{30};

/// One call, shared by the waiting caller and the thread running it; guarded by State::mutex.
struct Call {
    std::shared_ptr<sdk::Channel> channel;
    sdk::Delivery delivery;
    std::optional<sdk::DeliveryResult> result;
    bool abandoned = false;
};

sdk::DeliveryResult attempt(sdk::Channel& channel, const sdk::Delivery& delivery) {
    try {
        return channel.deliver(delivery);
    } catch (const std::exception& error) {
        return sdk::DeliveryResult::retry(std::string("the channel failed: ") + error.what());
    } catch (...) {
        return sdk::DeliveryResult::retry("the channel failed: it threw something that is not an exception");
    }
}

} // namespace

struct DeliveryGuard::State {
    std::mutex mutex;
    /// A call got its result, or a hung call returned.
    std::condition_variable changed;
    /// A call was queued for an idle thread, or the guard is gone.
    std::condition_variable work;
    std::deque<std::shared_ptr<Call>> calls;
    /// Threads waiting for a call, or started for one that is queued.
    std::size_t idle = 0;
    std::size_t hung = 0;
    bool closed = false;

    /// A thread's life: take queued calls until none comes for IdleTimeout or the guard is gone.
    static void serve(const std::shared_ptr<State>& state) {
        std::unique_lock lock(state->mutex);
        for (;;) {
            const bool woken =
                state->work.wait_for(lock, IdleTimeout, [&] { return !state->calls.empty() || state->closed; });
            --state->idle;
            if (!woken || state->calls.empty()) return;
            auto call = std::move(state->calls.front());
            state->calls.pop_front();
            lock.unlock();

            auto result = attempt(*call->channel, call->delivery);
            // Outside the lock: this may be the last reference to a channel whose guard is gone.
            call->channel.reset();

            lock.lock();
            if (call->abandoned) {
                --state->hung;
            } else {
                call->result = std::move(result);
            }
            // Counted as idle before the caller sees the result, so that its next call comes to this thread.
            ++state->idle;
            state->changed.notify_all();
        }
    }
};

struct DeliveryGuard::Closer {
    explicit Closer(std::shared_ptr<State> closing) : state(std::move(closing)) {}
    Closer(const Closer&) = delete;
    Closer& operator=(const Closer&) = delete;

    ~Closer() {
        {
            std::lock_guard lock(state->mutex);
            state->closed = true;
        }
        state->work.notify_all();
    }

    std::shared_ptr<State> state;
};

DeliveryGuard::DeliveryGuard(std::shared_ptr<sdk::Channel> channel, std::size_t maxHungCalls)
    : _channel(std::move(channel)), _state(std::make_shared<State>()),
      _closer(std::make_shared<Closer>(_state)), _maxHungCalls(maxHungCalls) {}

sdk::DeliveryResult DeliveryGuard::deliver(const sdk::Delivery& delivery, std::chrono::milliseconds limit) const {
    auto call = std::make_shared<Call>(Call{_channel, delivery, std::nullopt, false});
    std::unique_lock lock(_state->mutex);
    if (_state->hung >= _maxHungCalls) {
        return sdk::DeliveryResult::retry("the channel is not called: " + std::to_string(_state->hung) +
                                          " earlier deliveries are still hung past their time limit");
    }
    _state->calls.push_back(call);
    if (_state->calls.size() > _state->idle) {
        try {
            std::thread([state = _state] { State::serve(state); }).detach();
            ++_state->idle;
        } catch (const std::system_error& error) {
            _state->calls.pop_back();
            return sdk::DeliveryResult::retry(std::string("no thread could be started for the channel: ") +
                                              error.what());
        }
    } else {
        _state->work.notify_one();
    }

    if (_state->changed.wait_for(lock, limit, [&] { return call->result.has_value(); })) {
        return std::move(*call->result);
    }
    const auto queued = std::find(_state->calls.begin(), _state->calls.end(), call);
    if (queued != _state->calls.end()) {
        // Never started: nothing hangs in the channel.
        _state->calls.erase(queued);
    } else {
        call->abandoned = true;
        ++_state->hung;
    }
    return sdk::DeliveryResult::retry("the channel did not answer within " + std::to_string(limit.count()) + " ms");
}

std::size_t DeliveryGuard::hungCalls() const {
    std::lock_guard lock(_state->mutex);
    return _state->hung;
}

bool DeliveryGuard::waitForHungCalls(std::chrono::milliseconds limit) const {
    std::unique_lock lock(_state->mutex);
    return _state->changed.wait_for(lock, limit, [&] { return _state->hung == 0; });
}

std::size_t DeliveryGuard::idleThreads() const {
    std::lock_guard lock(_state->mutex);
    return _state->idle;
}

} // namespace switchboard::core::plugin_host
