#pragma once

#include "core/conversation/ConversationStats.h"
#include "core/store/Sql.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::store {

class StatsRepository {
public:
    /// Figures over the conversations created in [fromMs, toMs) of `widgets` (nullopt: every widget).
    conversation::ConversationStats compute(Sql& sql, std::int64_t fromMs, std::int64_t toMs,
                                            const std::optional<std::vector<std::string>>& widgets);
};

} // namespace switchboard::core::store
