#pragma once

#include "core/common/Clock.h"

#include <switchboard/sdk/HostServices.h>

namespace switchboard::core::plugin_host {

/// The hub's clock as plugins see it, so that a test moving a ManualClock moves the plugins' time too.
class HostClock final : public sdk::Clock {
public:
    explicit HostClock(const common::Clock& clock) : _clock(clock) {}
    std::int64_t nowMs() const override { return _clock.nowMs(); }

private:
    const common::Clock& _clock;
};

} // namespace switchboard::core::plugin_host
