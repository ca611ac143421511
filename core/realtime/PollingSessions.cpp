#include "core/realtime/PollingSessions.h"

namespace switchboard::core::realtime {

void PollingSessions::routeThrough(std::function<void(std::uint64_t, LoopTask)> post) { _post = std::move(post); }

void PollingSessions::add(const std::string& sid, std::uint64_t connectionId) {
    std::lock_guard lock(_mutex);
    _bySid[sid] = connectionId;
}

void PollingSessions::remove(const std::string& sid) {
    std::lock_guard lock(_mutex);
    _bySid.erase(sid);
}

std::optional<std::uint64_t> PollingSessions::find(const std::string& sid) const {
    std::lock_guard lock(_mutex);
    const auto found = _bySid.find(sid);
    if (found == _bySid.end()) return std::nullopt;
    return found->second;
}

bool PollingSessions::toSession(const std::string& sid, std::function<void(RealtimeLoop&, std::uint64_t)> task) {
    const auto id = find(sid);
    if (!id || !_post) return false;
    _post(*id, [id = *id, task = std::move(task)](RealtimeLoop& loop) { task(loop, id); });
    return true;
}

} // namespace switchboard::core::realtime
