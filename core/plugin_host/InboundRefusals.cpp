#include "core/plugin_host/InboundRefusals.h"

#include <Poco/Logger.h>

namespace switchboard::core::plugin_host {

InboundRefusals::InboundRefusals(const common::Clock& clock) : _clock(clock), _sinceMs(clock.nowMs()) {}

sdk::InboundOutcome InboundRefusals::counted(const std::string& instance, sdk::InboundOutcome outcome) {
    if (outcome.kind != sdk::InboundOutcome::Kind::Refused) return outcome;
    const auto now = _clock.nowMs();
    std::size_t report;
    {
        std::lock_guard lock(_mutex);
        auto& tally = _tallies[instance];
        tally.count.instance = instance;
        ++tally.count.refused;
        tally.count.lastReason = outcome.reason;
        tally.count.lastRefusedAtMs = now;
        report = tally.warnings.occurred(now);
    }
    if (report > 0) {
        auto& logger = Poco::Logger::get("channel." + instance);
        if (report == 1) {
            logger.warning("refused an inbound message: %s", outcome.reason);
        } else {
            logger.warning("refused %z inbound messages since the last warning, the latest: %s", report,
                           outcome.reason);
        }
    }
    return outcome;
}

std::vector<InboundRefusals::Count> InboundRefusals::counts() const {
    std::lock_guard lock(_mutex);
    std::vector<Count> out;
    out.reserve(_tallies.size());
    for (const auto& [instance, tally] : _tallies) out.push_back(tally.count);
    return out;
}

} // namespace switchboard::core::plugin_host
