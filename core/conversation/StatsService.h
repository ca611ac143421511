#pragma once

#include "core/auth/Caller.h"
#include "core/common/Clock.h"
#include "core/conversation/ConversationStats.h"
#include "core/store/Database.h"
#include "core/store/StatsRepository.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace switchboard::core::conversation {

/// The period and widget a stats request asks about; unset bounds take the defaults.
struct StatsQuery {
    std::optional<std::int64_t> fromMs;
    std::optional<std::int64_t> toMs;
    std::optional<std::string> widgetId;
};

struct StatsReport {
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;
    std::optional<std::string> widgetId;
    ConversationStats stats;
};

/// Figures for the dashboard over the widgets the caller serves (admins: all).
class StatsService {
public:
    static constexpr std::int64_t kDefaultPeriodMs = 30LL * 24 * 60 * 60 * 1000;

    using WidgetExists = std::function<bool(const std::string& widgetId)>;

    StatsService(store::Database& database, const common::Clock& clock, WidgetExists widgetExists);

    /// The period is [from, to): `to` defaults to now and `from` to 30 days before `to`. Throws 400
    /// `invalid_field` when from is not before to, 404 for an unknown widget or one the caller does not serve.
    StatsReport compute(const auth::Caller& caller, const StatsQuery& query);

private:
    store::Database& _database;
    const common::Clock& _clock;
    WidgetExists _widgetExists;
    store::StatsRepository _stats;
};

} // namespace switchboard::core::conversation
