#pragma once

#include "core/store/Sql.h"

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::store {

/// Contacts who opted out of a channel instance, by their address's ContactIdentity key.
class ContactOptOutRepository {
public:
    /// Records the opt-out; a second one keeps the first time.
    void add(Sql& sql, const std::string& channel, const std::string& address, std::int64_t atMs);
    void remove(Sql& sql, const std::string& channel, const std::string& address);
    /// Whether either address opted out of `channel`, in one look-up; an empty one matches nothing.
    bool containsEither(Sql& sql, const std::string& channel, const std::string& first, const std::string& second);
};

} // namespace switchboard::core::store
