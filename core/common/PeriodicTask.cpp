#include "core/common/PeriodicTask.h"

#include <Poco/Logger.h>

#include <exception>

namespace switchboard::core::common {

PeriodicTask::PeriodicTask(std::string name, std::chrono::milliseconds interval, std::function<void()> work)
    : _name(std::move(name)), _interval(interval), _work(std::move(work)), _thread([this] { loop(); }) {}

PeriodicTask::~PeriodicTask() {
    {
        std::lock_guard lock(_mutex);
        _stopping = true;
    }
    _wake.notify_all();
    _thread.join();
}

void PeriodicTask::loop() {
    std::unique_lock lock(_mutex);
    while (!_wake.wait_for(lock, _interval, [this] { return _stopping; })) {
        lock.unlock();
        try {
            _work();
        } catch (const std::exception& e) {
            Poco::Logger::get("hub").warning("%s failed: %s", _name, std::string(e.what()));
        }
        lock.lock();
    }
}

} // namespace switchboard::core::common
