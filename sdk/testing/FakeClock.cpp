#include "switchboard/sdk/testing/FakeClock.h"

namespace switchboard::sdk::testing {

FakeClock::FakeClock(std::int64_t startMs) : _nowMs(startMs) {}

std::int64_t FakeClock::nowMs() const { return _nowMs.load(); }

void FakeClock::advanceMs(std::int64_t ms) { _nowMs += ms; }

void FakeClock::setMs(std::int64_t ms) { _nowMs = ms; }

} // namespace switchboard::sdk::testing
