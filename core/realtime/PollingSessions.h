#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace switchboard::core::realtime {

class RealtimeLoop;

/// The answer to one long-polling request, given once from the session's loop: 200 with the payload, or an error
/// status with what went wrong.
using PollAnswer = std::function<void(int status, std::string body)>;

/// The Engine.IO long-polling sessions of every loop by sid, so that a poll arriving on any loop's connection reaches
/// the loop and connection that hold its session. Thread-safe.
class PollingSessions {
public:
    using LoopTask = std::function<void(RealtimeLoop&)>;
    /// How a task reaches the loop that owns a connection id; set once by the server that owns the loops.
    void routeThrough(std::function<void(std::uint64_t connectionId, LoopTask task)> post);

    void add(const std::string& sid, std::uint64_t connectionId);
    void remove(const std::string& sid);
    std::optional<std::uint64_t> find(const std::string& sid) const;
    /// Runs `task(loop, connectionId)` on the loop holding session `sid`; false (and nothing runs) for an unknown sid.
    bool toSession(const std::string& sid, std::function<void(RealtimeLoop&, std::uint64_t)> task);

private:
    std::function<void(std::uint64_t, LoopTask)> _post;
    mutable std::mutex _mutex;
    std::unordered_map<std::string, std::uint64_t> _bySid;
};

} // namespace switchboard::core::realtime
