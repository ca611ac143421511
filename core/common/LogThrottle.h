#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

namespace switchboard::core::common {

/// Lets a warning that may repeat thousands of times a second (a flood of refused clients) through at most once
/// per interval, counting the occurrences held back meanwhile. Not thread-safe: one per thread that logs.
class LogThrottle {
public:
    explicit LogThrottle(std::int64_t intervalMs) : _intervalMs(intervalMs) {}

    /// Counts an occurrence. Returns how many to report (this one and those held back) when it may be logged now,
    /// else 0.
    std::size_t occurred(std::int64_t nowMs) {
        ++_pending;
        if (nowMs < _nextMs) return 0;
        _nextMs = nowMs + _intervalMs;
        return std::exchange(_pending, 0);
    }

private:
    const std::int64_t _intervalMs;
    std::int64_t _nextMs = 0;
    std::size_t _pending = 0;
};

} // namespace switchboard::core::common
