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
    enum class Priority {
        Normal,
        /// The thread yields the CPU to everything else in the process (Linux nice 19): for housekeeping whose
        /// bursts would otherwise delay the real-time threads on a small machine.
        Background,
    };

    PeriodicTask(std::string name, std::chrono::milliseconds interval, std::function<void()> work,
                 Priority priority = Priority::Normal);
    ~PeriodicTask();
    PeriodicTask(const PeriodicTask&) = delete;
    PeriodicTask& operator=(const PeriodicTask&) = delete;

private:
    void loop();

    const std::string _name;
    const std::chrono::milliseconds _interval;
    const std::function<void()> _work;
    const Priority _priority;
    std::mutex _mutex;
    std::condition_variable _wake;
    bool _stopping = false;
    std::thread _thread; // last: starts once everything above exists
};

} // namespace switchboard::core::common
