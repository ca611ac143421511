#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace switchboard::core::realtime {

/// The one timer structure of an event loop: deadlines of connections, earliest first.
///
/// A connection has at most one deadline that matters (its next ping, its pong or handshake deadline); it
/// records that deadline itself, and an entry popped here whose deadline no longer matches is simply
/// dropped. So rescheduling costs one push, and nothing is ever searched for or removed.
class TimerQueue {
public:
    void schedule(std::uint64_t connectionId, std::int64_t deadlineMs) { _entries.push({deadlineMs, connectionId}); }

    /// Calls `fire(connectionId, deadlineMs)` for every entry due at `nowMs`.
    template <class Fire>
    void runDue(std::int64_t nowMs, Fire&& fire) {
        while (!_entries.empty() && _entries.top().deadlineMs <= nowMs) {
            const auto entry = _entries.top();
            _entries.pop();
            fire(entry.connectionId, entry.deadlineMs);
        }
    }

    /// Milliseconds until the earliest entry, or -1 when there is none (epoll_wait's "no timeout").
    int msUntilNext(std::int64_t nowMs) const {
        if (_entries.empty()) return -1;
        const auto wait = _entries.top().deadlineMs - nowMs;
        return wait <= 0 ? 0 : static_cast<int>(std::min<std::int64_t>(wait, 60'000));
    }

    std::size_t size() const { return _entries.size(); }

private:
    struct Entry {
        std::int64_t deadlineMs;
        std::uint64_t connectionId;
        bool operator>(const Entry& other) const { return deadlineMs > other.deadlineMs; }
    };
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> _entries;
};

} // namespace switchboard::core::realtime
