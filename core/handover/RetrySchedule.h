#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace switchboard::core::handover {

/// How long a delivery waits before its next attempt: hub.yaml's `delivery.backoff_s` (the n-th retry waits the
/// n-th value, the last one repeating), spread by ±20 % jitter so that deliveries failed together do not retry in
/// lockstep. A receiver's `Retry-After` replaces the schedule, capped at a day.
class RetrySchedule {
public:
    static constexpr std::int64_t MaxRetryAfterMs = 24LL * 60 * 60 * 1000;

    /// `random01` returns a value in [0, 1); injected so that tests are exact.
    RetrySchedule(std::vector<int> backoffS, std::function<double()> random01);

    /// The wait after `attemptsMade` attempts (1 after the first) have failed.
    std::int64_t delayMs(std::int64_t attemptsMade, std::optional<std::int64_t> retryAfterMs) const;

private:
    std::vector<int> _backoffS;
    std::function<double()> _random01;
};

} // namespace switchboard::core::handover
