#include "core/handover/RetrySchedule.h"

#include <algorithm>
#include <stdexcept>

namespace switchboard::core::handover {

RetrySchedule::RetrySchedule(std::vector<int> backoffS, std::function<double()> random01)
    : _backoffS(std::move(backoffS)), _random01(std::move(random01)) {
    if (_backoffS.empty()) throw std::invalid_argument("a retry schedule needs at least one wait");
}

std::int64_t RetrySchedule::delayMs(std::int64_t attemptsMade, std::optional<std::int64_t> retryAfterMs) const {
    if (retryAfterMs) return std::clamp<std::int64_t>(*retryAfterMs, 0, MaxRetryAfterMs);
    const auto index = static_cast<std::size_t>(std::clamp<std::int64_t>(
        attemptsMade - 1, 0, static_cast<std::int64_t>(_backoffS.size()) - 1));
    const double baseMs = _backoffS[index] * 1000.0;
    return static_cast<std::int64_t>(baseMs * (0.8 + 0.4 * _random01()));
}

} // namespace switchboard::core::handover
