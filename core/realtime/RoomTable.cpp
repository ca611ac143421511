#include "core/realtime/RoomTable.h"

namespace switchboard::core::realtime {

bool RoomTable::join(const std::string& room, std::uint64_t connectionId) {
    return _members[room].insert(connectionId).second;
}

void RoomTable::leave(const std::string& room, std::uint64_t connectionId) {
    auto members = _members.find(room);
    if (members == _members.end()) return;
    members->second.erase(connectionId);
    if (members->second.empty()) _members.erase(members); // an empty room holds no memory
}

std::vector<std::uint64_t> RoomTable::membersOf(const std::vector<std::string>& rooms) const {
    std::vector<std::uint64_t> ids;
    std::unordered_set<std::uint64_t> seen;
    for (const auto& room : rooms) {
        const auto members = _members.find(room);
        if (members == _members.end()) continue;
        for (const auto id : members->second) {
            if (seen.insert(id).second) ids.push_back(id);
        }
    }
    return ids;
}

} // namespace switchboard::core::realtime
