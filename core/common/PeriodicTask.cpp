#include "core/common/PeriodicTask.h"

#include <Poco/Logger.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <sys/resource.h>
#include <unistd.h>

namespace switchboard::core::common {

PeriodicTask::PeriodicTask(std::string name, std::chrono::milliseconds interval, std::function<void()> work,
                           Priority priority)
    : _name(std::move(name)),
      _interval(interval),
      _work(std::move(work)),
      _priority(priority),
      _thread([this] { loop(); }) {}

PeriodicTask::~PeriodicTask() {
    {
        std::lock_guard lock(_mutex);
        _stopping = true;
    }
    _wake.notify_all();
    _thread.join();
}

void PeriodicTask::loop() {
    // On Linux a nice value belongs to the thread, so this lowers only this one; lowering needs no privilege.
    if (_priority == Priority::Background && ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 19) != 0) {
        Poco::Logger::get("hub").warning("%s: cannot lower its priority: %s", _name, std::string(std::strerror(errno)));
    }
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
