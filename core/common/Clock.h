#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace switchboard::core::common {

/// Wall-clock time source, injected wherever time decides behaviour (rate limits, presence, retries) so that
/// tests advance time instead of sleeping.
class Clock {
public:
    virtual ~Clock() = default;
    /// Milliseconds since the Unix epoch, UTC.
    virtual std::int64_t nowMs() const = 0;
};

class SystemClock final : public Clock {
public:
    std::int64_t nowMs() const override {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
};

/// A clock that only moves when told to; for tests.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t startMs = 1'700'000'000'000) : _nowMs(startMs) {}
    std::int64_t nowMs() const override { return _nowMs.load(); }
    void advanceMs(std::int64_t deltaMs) { _nowMs += deltaMs; }
    void setMs(std::int64_t ms) { _nowMs = ms; }

private:
    std::atomic<std::int64_t> _nowMs;
};

} // namespace switchboard::core::common
