#pragma once

#include "core/handover/HandoverRequest.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::handover {

/// Figures over a set of handover requests, as `GET /api/handover/analytics` reports them.
struct HandoverFigures {
    std::int64_t requests = 0;
    /// Reached a channel: notified or completed.
    std::int64_t delivered = 0;
    std::int64_t completed = 0;
    std::int64_t failed = 0;
    std::int64_t pending = 0;
    /// delivered / requests; nullopt without requests.
    std::optional<double> successRate;
    std::optional<double> avgSecondsToNotify;
    std::optional<double> p90SecondsToNotify;
    std::optional<double> avgSecondsToComplete;
    std::optional<double> p90SecondsToComplete;
};

struct HandoverReport {
    HandoverFigures overall;
    std::map<std::string, HandoverFigures> byMethod;
};

/// Computes the report from the requests themselves (the attempts are in the deliveries; what counts here is what
/// the visitor got).
class HandoverAnalytics {
public:
    static HandoverReport compute(const std::vector<HandoverRequest>& requests);
    /// Nearest-rank percentile of `values` (sorted here); nullopt when empty.
    static std::optional<double> percentile(std::vector<double> values, double fraction);
};

} // namespace switchboard::core::handover
