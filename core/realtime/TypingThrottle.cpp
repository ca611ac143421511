#include "core/realtime/TypingThrottle.h"

#include <algorithm>

namespace switchboard::core::realtime {

bool TypingThrottle::offer(const std::string& conversationId, bool isTyping, std::int64_t nowMs) {
    forgetIdle(nowMs);
    const auto found = _slots.find(conversationId);
    if (found == _slots.end() || nowMs >= found->second.sentAtMs + IntervalMs) {
        _slots[conversationId] = {nowMs, isTyping, std::nullopt};
        return true;
    }
    auto& state = found->second;
    // A pure repeat of what went out is dropped. After a change, the latest state goes out when the interval ends,
    // even when it is back to what went out last: someone who started listening meanwhile (an agent who just opened
    // the conversation) hears it.
    if (isTyping != state.sent || state.held) state.held = isTyping;
    return false;
}

std::vector<TypingThrottle::Update> TypingThrottle::takeDue(std::int64_t nowMs) {
    std::vector<Update> due;
    for (auto& [conversationId, state] : _slots) {
        if (!state.held || nowMs < state.sentAtMs + IntervalMs) continue;
        due.push_back({conversationId, *state.held});
        state = {nowMs, *state.held, std::nullopt};
    }
    return due;
}

std::optional<std::int64_t> TypingThrottle::nextDueMs() const {
    std::optional<std::int64_t> next;
    for (const auto& [conversationId, state] : _slots) {
        if (state.held) next = std::min(next.value_or(state.sentAtMs + IntervalMs), state.sentAtMs + IntervalMs);
    }
    return next;
}

void TypingThrottle::forgetIdle(std::int64_t nowMs) {
    std::erase_if(_slots, [nowMs](const auto& entry) {
        return !entry.second.held && nowMs >= entry.second.sentAtMs + IntervalMs;
    });
}

} // namespace switchboard::core::realtime
