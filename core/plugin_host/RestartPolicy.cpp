#include "core/plugin_host/RestartPolicy.h"

#include <algorithm>

namespace switchboard::core::plugin_host {

void RestartPolicy::started(std::int64_t nowMs) { _startedAtMs = nowMs; }

RestartPolicy::Decision RestartPolicy::ended(std::int64_t nowMs) {
    if (nowMs - _startedAtMs >= _limits.stableAfterMs) {
        _quickEnds = 0;
        _nextDelayMs = 0;
    }
    ++_quickEnds;
    if (_quickEnds >= _limits.crashesAtStartToDisable) {
        return {std::nullopt, "ended " + std::to_string(_quickEnds) + " times in a row within " +
                                  std::to_string(_limits.stableAfterMs / 1000) + " s of starting"};
    }
    _nextDelayMs = _nextDelayMs == 0 ? _limits.firstDelayMs : std::min(_nextDelayMs * 2, _limits.maxDelayMs);
    ++_restarts;
    return {nowMs + _nextDelayMs, {}};
}

} // namespace switchboard::core::plugin_host
