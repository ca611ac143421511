#pragma once

#include "core/store/Sql.h"

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace switchboard::core::store {

/// Contacts who opted out of a channel instance, by their address's ContactIdentity key.
class ContactOptOutRepository {
public:
    /// Records the opt-out; a second one keeps the first time.
    void add(Sql& sql, const std::string& channel, const std::string& address, std::int64_t atMs);
    void remove(Sql& sql, const std::string& channel, const std::string& address);
    /// Which of `addresses` opted out of which of `channels`, as (channel, address), in one statement.
    std::set<std::pair<std::string, std::string>> optedOut(Sql& sql, const std::vector<std::string>& channels,
                                                           const std::vector<std::string>& addresses);
};

} // namespace switchboard::core::store
