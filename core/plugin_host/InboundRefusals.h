#pragma once

#include "core/common/Clock.h"
#include "core/common/LogThrottle.h"

#include <switchboard/sdk/InboundOutcome.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace switchboard::core::plugin_host {

/// Inbound messages the hub refused, per channel instance, so that none is lost silently: each refusal is logged as
/// a warning of `channel.<instance>` (at most one a minute per instance, with how many were held back) and counted
/// for the operator's endpoint. Counts start at zero when the hub starts. Thread-safe.
class InboundRefusals {
public:
    static constexpr std::int64_t WarningIntervalMs = 60'000;

    struct Count {
        std::string instance;
        std::uint64_t refused = 0;
        std::string lastReason;
        std::int64_t lastRefusedAtMs = 0;
    };

    explicit InboundRefusals(const common::Clock& clock);

    /// `outcome` of a message channel instance `instance` posted, counted and logged when it is a refusal.
    sdk::InboundOutcome counted(const std::string& instance, sdk::InboundOutcome outcome);

    /// The instances that refused any, by name.
    std::vector<Count> counts() const;
    /// When counting began.
    std::int64_t sinceMs() const { return _sinceMs; }

private:
    struct Tally {
        Count count;
        common::LogThrottle warnings{WarningIntervalMs};
    };

    const common::Clock& _clock;
    const std::int64_t _sinceMs;
    mutable std::mutex _mutex;
    std::map<std::string, Tally> _tallies;
};

} // namespace switchboard::core::plugin_host
