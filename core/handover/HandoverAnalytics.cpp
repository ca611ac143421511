#include "core/handover/HandoverAnalytics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace switchboard::core::handover {

namespace {

/// Collects the figures of one group of requests.
class Tally {
public:
    void add(const HandoverRequest& r) {
        ++_figures.requests;
        if (r.status == HandoverStatus::Notified || r.status == HandoverStatus::Completed) ++_figures.delivered;
        if (r.status == HandoverStatus::Completed) ++_figures.completed;
        if (r.status == HandoverStatus::Failed) ++_figures.failed;
        if (r.status == HandoverStatus::Pending) ++_figures.pending;
        if (r.notifiedAt) _toNotify.push_back(static_cast<double>(*r.notifiedAt - r.createdAt) / 1000.0);
        if (r.completedAt) _toComplete.push_back(static_cast<double>(*r.completedAt - r.createdAt) / 1000.0);
    }

    HandoverFigures figures() const {
        auto out = _figures;
        if (out.requests > 0) out.successRate = static_cast<double>(out.delivered) / static_cast<double>(out.requests);
        out.avgSecondsToNotify = average(_toNotify);
        out.p90SecondsToNotify = HandoverAnalytics::percentile(_toNotify, 0.9);
        out.avgSecondsToComplete = average(_toComplete);
        out.p90SecondsToComplete = HandoverAnalytics::percentile(_toComplete, 0.9);
        return out;
    }

private:
    static std::optional<double> average(const std::vector<double>& values) {
        if (values.empty()) return std::nullopt;
        return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    }

    HandoverFigures _figures;
    std::vector<double> _toNotify;
    std::vector<double> _toComplete;
};

} // namespace

std::optional<double> HandoverAnalytics::percentile(std::vector<double> values, double fraction) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

HandoverReport HandoverAnalytics::compute(const std::vector<HandoverRequest>& requests) {
    Tally overall;
    std::map<std::string, Tally> byMethod;
    for (const auto& request : requests) {
        overall.add(request);
        byMethod[request.method].add(request);
    }
    HandoverReport report;
    report.overall = overall.figures();
    for (const auto& [method, tally] : byMethod) report.byMethod.emplace(method, tally.figures());
    return report;
}

} // namespace switchboard::core::handover
