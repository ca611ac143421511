#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace switchboard::core::realtime {

/// The rooms of one loop: which connections (by id) are in which room. Kept apart from the loop that owns the
/// connections, as a publish/subscribe topic tree is kept apart from its event loop; only that loop's thread uses it.
class RoomTable {
public:
    /// False when the connection was in the room already.
    bool join(const std::string& room, std::uint64_t connectionId);
    void leave(const std::string& room, std::uint64_t connectionId);
    /// The members of any of `rooms`, each once, as a copy: sending to one may drop it, and it then leaves its rooms.
    std::vector<std::uint64_t> membersOf(const std::vector<std::string>& rooms) const;
    std::size_t roomCount() const { return _members.size(); }

private:
    std::unordered_map<std::string, std::unordered_set<std::uint64_t>> _members;
};

} // namespace switchboard::core::realtime
