#pragma once

#include "switchboard/sdk/HostServices.h"

#include <atomic>
#include <cstdint>

namespace switchboard::sdk::testing {

/// A clock that moves only when the test says so.
class FakeClock final : public Clock {
public:
    explicit FakeClock(std::int64_t startMs = 1'700'000'000'000);
    std::int64_t nowMs() const override;
    void advanceMs(std::int64_t ms);
    void setMs(std::int64_t ms);

private:
    std::atomic<std::int64_t> _nowMs;
};

} // namespace switchboard::sdk::testing
