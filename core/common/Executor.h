#pragma once

#include <functional>

namespace switchboard::core::common {

/// Somewhere to run work that the caller must not wait for (a pool of threads; in tests, the caller itself).
class Executor {
public:
    using Task = std::function<void()>;

    virtual ~Executor() = default;
    /// False when the work is refused (the queue is full); the task is then not run.
    virtual bool submit(Task task) = 0;
};

} // namespace switchboard::core::common
