#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::plugin_host {

/// The bounds of a RestartPolicy (defaults as the hub uses them).
struct RestartLimits {
    std::int64_t firstDelayMs = 100;
    std::int64_t maxDelayMs = 30'000;
    std::int64_t stableAfterMs = 60'000;
    int crashesAtStartToDisable = 5;
};

/// When a plugin's host process that ended is started again, and when the hub gives up on it.
///
/// After a crash the process is started again after a delay that doubles from `firstDelayMs` up to `maxDelayMs`,
/// so that a plugin that fails at once does not spin a core; a process that ran `stableAfterMs` before it ended
/// starts again after the first delay. A plugin whose process ended `crashesAtStartToDisable` times in a row before
/// it had run `stableAfterMs` (one that cannot start at all) is disabled: the hub runs without it and says why.
/// Times are milliseconds of the caller's clock; the policy keeps no clock of its own.
class RestartPolicy {
public:
    using Limits = RestartLimits;

    /// What to do about a process that just ended.
    struct Decision {
        /// When to start it again; nullopt when the plugin is disabled.
        std::optional<std::int64_t> restartAtMs;
        /// Why it is disabled ("ended 5 times in a row within 60 s of starting"); empty otherwise.
        std::string disabledBecause;
    };

    explicit RestartPolicy(Limits limits = {}) : _limits(limits) {}

    /// The process was started at `nowMs`.
    void started(std::int64_t nowMs);
    /// The process ended at `nowMs`.
    Decision ended(std::int64_t nowMs);
    /// Restarts decided so far (for GET /api/plugins).
    int restarts() const { return _restarts; }

private:
    Limits _limits;
    std::int64_t _startedAtMs = 0;
    /// Ends in a row before the process ran `stableAfterMs`.
    int _quickEnds = 0;
    std::int64_t _nextDelayMs = 0;
    int _restarts = 0;
};

} // namespace switchboard::core::plugin_host
