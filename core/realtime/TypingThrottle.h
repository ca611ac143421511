#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace switchboard::core::realtime {

/// Holds one socket's typing updates to at most one fan-out per conversation per `IntervalMs`.
///
/// An update within the interval that repeats what went out last is dropped (the others already see it); one that
/// changes it (typing, then stopped), and any after it, is held and goes out once the interval has passed
/// (`takeDue`), so the last state always arrives, also to someone who started listening meanwhile. Time comes from
/// the caller: the loop's clock.
class TypingThrottle {
public:
    static constexpr std::int64_t IntervalMs = 1000;

    /// True when the update goes out now (it is then recorded as sent); false when it is held or dropped.
    bool offer(const std::string& conversationId, bool isTyping, std::int64_t nowMs);

    struct Update {
        std::string conversationId;
        bool isTyping;
    };
    /// The held updates whose interval has passed at `nowMs`, recorded as sent.
    std::vector<Update> takeDue(std::int64_t nowMs);
    /// When the earliest held update is due; nullopt when none is held.
    std::optional<std::int64_t> nextDueMs() const;

private:
    struct Slot {
        std::int64_t sentAtMs = 0;
        bool sent = false;
        std::optional<bool> held;
    };
    /// Forgets the conversations whose interval passed with nothing held: they behave as never sent.
    void forgetIdle(std::int64_t nowMs);

    std::unordered_map<std::string, Slot> _slots;
};

} // namespace switchboard::core::realtime
