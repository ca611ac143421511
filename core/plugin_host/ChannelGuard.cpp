#include "core/plugin_host/ChannelGuard.h"

#include "core/common/ApiError.h"

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

/// One call, shared by the waiting caller and the thread running it; `done` and `abandoned` are guarded by
/// State::mutex, and what `work` wrote and `thrown` are read only once `done` is seen.
struct Call {
    std::shared_ptr<sdk::Channel> channel;
    std::function<void(sdk::Channel&)> work;
    std::optional<std::string> thrown;
    bool done = false;
    bool abandoned = false;

    void runWork() {
        try {
            work(*channel);
        } catch (const std::exception& error) {
            thrown = std::string("the channel failed: ") + error.what();
        } catch (...) {
            thrown = "the channel failed: it threw something that is not an exception";
        }
    }
};

} // namespace

struct ChannelGuard::State {
    std::mutex mutex;
    /// A call returned, or a hung call returned.
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

            call->runWork();
            // Outside the lock: this may be the last reference to a channel whose guard is gone.
            call->channel.reset();

            lock.lock();
            if (call->abandoned) {
                --state->hung;
            } else {
                call->done = true;
            }
            // Counted as idle before the caller sees the result, so that its next call comes to this thread.
            ++state->idle;
            state->changed.notify_all();
        }
    }
};

struct ChannelGuard::Closer {
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

ChannelGuard::ChannelGuard(std::shared_ptr<sdk::Channel> channel, std::size_t maxHungCalls)
    : _channel(std::move(channel)), _state(std::make_shared<State>()),
      _closer(std::make_shared<Closer>(_state)), _maxHungCalls(maxHungCalls) {}

sdk::DeliveryResult ChannelGuard::deliver(const sdk::Delivery& delivery, std::chrono::milliseconds limit) const {
    auto result = std::make_shared<sdk::DeliveryResult>();
    auto ending = run([delivery, result](sdk::Channel& channel) { *result = channel.deliver(delivery); }, limit,
                      "deliveries");
    if (ending.kind != Ending::Kind::Returned) return sdk::DeliveryResult::retry(std::move(ending.detail));
    return std::move(*result);
}

sdk::TestResult ChannelGuard::test(const sdk::Settings& methodSettings, std::chrono::milliseconds limit) const {
    auto result = std::make_shared<sdk::TestResult>();
    auto ending = run([methodSettings, result](sdk::Channel& channel) { *result = channel.test(methodSettings); },
                      limit, "tests");
    if (ending.kind == Ending::Kind::NotAnswered) throw common::ApiError::channelTimeout(ending.detail);
    if (ending.kind == Ending::Kind::Threw) {
        result->outcome = sdk::TestResult::Outcome::Failed;
        result->detail = std::move(ending.detail);
    }
    return std::move(*result);
}

ChannelGuard::Ending ChannelGuard::run(std::function<void(sdk::Channel&)> work, std::chrono::milliseconds limit,
                                       const std::string& calls) const {
    using Kind = Ending::Kind;
    auto call = std::make_shared<Call>(Call{_channel, std::move(work), std::nullopt, false, false});
    std::unique_lock lock(_state->mutex);
    if (_state->hung >= _maxHungCalls) {
        return {Kind::NotAnswered, "the channel is not called: " + std::to_string(_state->hung) + " earlier " +
                                       calls + " are still hung past their time limit"};
    }
    _state->calls.push_back(call);
    if (_state->calls.size() > _state->idle) {
        try {
            std::thread([state = _state] { State::serve(state); }).detach();
            ++_state->idle;
        } catch (const std::system_error& error) {
            _state->calls.pop_back();
            return {Kind::NotAnswered, std::string("no thread could be started for the channel: ") + error.what()};
        }
    } else {
        _state->work.notify_one();
    }

    if (_state->changed.wait_for(lock, limit, [&] { return call->done; })) {
        if (call->thrown) return {Kind::Threw, std::move(*call->thrown)};
        return {Kind::Returned, {}};
    }
    const auto queued = std::find(_state->calls.begin(), _state->calls.end(), call);
    if (queued != _state->calls.end()) {
        // Never started: nothing hangs in the channel.
        _state->calls.erase(queued);
    } else {
        call->abandoned = true;
        ++_state->hung;
    }
    return {Kind::NotAnswered, "the channel did not answer within " + std::to_string(limit.count()) + " ms"};
}

std::size_t ChannelGuard::hungCalls() const {
    std::lock_guard lock(_state->mutex);
    return _state->hung;
}

bool ChannelGuard::waitForHungCalls(std::chrono::milliseconds limit) const {
    std::unique_lock lock(_state->mutex);
    return _state->changed.wait_for(lock, limit, [&] { return _state->hung == 0; });
}

std::size_t ChannelGuard::idleThreads() const {
    std::lock_guard lock(_state->mutex);
    return _state->idle;
}

} // namespace switchboard::core::plugin_host
