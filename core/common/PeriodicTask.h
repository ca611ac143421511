#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace switchboard::core::common {

/// Runs `work` every `interval` on a thread of its own until destroyed; destruction waits for a run in progress.
/// An exception from `work` is logged under `name` and the next run happens on time.
class PeriodicTask {
public:
    PeriodicTask(std::string name, std::chrono::milliseconds interval, std::function<void()> work);
    ~PeriodicTask();
    PeriodicTask(const PeriodicTask&) = delete;
    PeriodicTask& operator=(const PeriodicTask&) = delete;

private:
    void loop();

    const std::string _name;
    const std::chrono::milliseconds _interval;
    const std::function<void()> _work;
    std::mutex _mutex;
    std::condition_variable _wake;
    bool _stopping = false;
    std::thread _thread; // last: starts once everything above exists
};

} // namespace switchboard::core::common
