#pragma once

#include "core/conversation/Visitor.h"
#include "core/store/Row.h"
#include "core/store/Sql.h"

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::store {

class VisitorRepository {
public:
    /// Columns in the order `fromRow` reads them, for use in joins (prefix with the table alias).
    static std::string columns(const std::string& alias);
    static conversation::Visitor fromRow(const Row& row, std::size_t firstColumn);

    void insert(Sql& sql, const conversation::Visitor& visitor, const std::string& tokenHash);
    std::optional<conversation::Visitor> findByTokenHash(Sql& sql, const std::string& tokenHash);
    /// Saves the contact details and page context of an existing visitor.
    void update(Sql& sql, const conversation::Visitor& visitor);
    /// Moves `last_seen_at` forward to `atMs`; an older time changes nothing.
    void updateLastSeen(Sql& sql, const std::string& visitorId, std::int64_t atMs);
};

} // namespace switchboard::core::store
