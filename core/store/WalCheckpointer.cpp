#include "core/store/WalCheckpointer.h"

#include <Poco/Logger.h>

#include <exception>

namespace switchboard::core::store {

WalCheckpointer::WalCheckpointer(std::function<void()> checkpoint, std::chrono::milliseconds interval)
    : _checkpoint(std::move(checkpoint)), _interval(interval), _thread([this] { loop(); }) {}

WalCheckpointer::~WalCheckpointer() {
    {
        std::lock_guard lock(_mutex);
        _stopping = true;
    }
    _wake.notify_all();
    _thread.join();
}

void WalCheckpointer::loop() {
    std::unique_lock lock(_mutex);
    while (!_wake.wait_for(lock, _interval, [this] { return _stopping; })) {
        lock.unlock();
        try {
            _checkpoint();
        } catch (const std::exception& e) {
            // The log keeps growing until the next attempt succeeds; nothing committed is at risk.
            Poco::Logger::get("store").warning("WAL checkpoint failed: %s", std::string(e.what()));
        }
        lock.lock();
    }
}

} // namespace switchboard::core::store
