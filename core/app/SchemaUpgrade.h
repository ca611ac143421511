#pragma once

#include "core/store/Database.h"

#include <cstdint>

namespace switchboard::core::app {

/// Brings the database's schema up to this binary's migrations (they are compiled in), logging what it applied.
class SchemaUpgrade {
public:
    /// Throws when the database is unreachable or a migration fails.
    static void apply(store::Database& database, std::int64_t nowMs);
};

} // namespace switchboard::core::app
