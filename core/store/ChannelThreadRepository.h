#pragma once

#include "core/store/Sql.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace switchboard::core::store {

/// Where each channel instance continues each conversation: the thread reference its latest delivery returned.
class ChannelThreadRepository {
public:
    /// The reference `channel` gave last for `conversationId`, or nullopt when it never gave one.
    std::optional<std::string> find(Sql& sql, const std::string& conversationId, const std::string& channel);
    /// The references every channel gave last for each of `conversationIds`, by (conversation, channel), in one
    /// statement.
    std::map<std::pair<std::string, std::string>, std::string> findAll(Sql& sql,
                                                                       const std::vector<std::string>& conversationIds);
    /// Keeps `reference` as the one to hand back, replacing an earlier one.
    void save(Sql& sql, const std::string& conversationId, const std::string& channel, const std::string& reference,
              std::int64_t nowMs);
};

} // namespace switchboard::core::store
