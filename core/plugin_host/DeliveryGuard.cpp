#include "core/plugin_host/DeliveryGuard.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

namespace switchboard::core::plugin_host {

struct DeliveryGuard::State {
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t hung = 0;
};

namespace {

/// One call's outcome, shared by the waiting caller and the thread running it; guarded by State::mutex.
struct Call {
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

DeliveryGuard::DeliveryGuard(std::shared_ptr<sdk::Channel> channel, std::size_t maxHungCalls)
    : _channel(std::move(channel)), _state(std::make_shared<State>()), _maxHungCalls(maxHungCalls) {}

sdk::DeliveryResult DeliveryGuard::deliver(const sdk::Delivery& delivery, std::chrono::milliseconds limit) const {
    {
        std::lock_guard lock(_state->mutex);
        if (_state->hung >= _maxHungCalls) {
            return sdk::DeliveryResult::retry("the channel is not called: " + std::to_string(_state->hung) +
                                              " earlier deliveries are still hung past their time limit");
        }
    }
    auto call = std::make_shared<Call>();
    try {
        std::thread([channel = _channel, state = _state, call, delivery] {
            auto result = attempt(*channel, delivery);
            {
                std::lock_guard lock(state->mutex);
                if (call->abandoned) {
                    --state->hung;
                } else {
                    call->result = std::move(result);
                }
            }
            state->changed.notify_all();
        }).detach();
    } catch (const std::system_error& error) {
        return sdk::DeliveryResult::retry(std::string("no thread could be started for the channel: ") + error.what());
    }

    std::unique_lock lock(_state->mutex);
    if (_state->changed.wait_for(lock, limit, [&] { return call->result.has_value(); })) {
        return std::move(*call->result);
    }
    call->abandoned = true;
    ++_state->hung;
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

} // namespace switchboard::core::plugin_host
