#include "core/conversation/StatsService.h"

#include "core/common/ApiError.h"

namespace switchboard::core::conversation {

using common::ApiError;

StatsService::StatsService(store::Database& database, const common::Clock& clock, WidgetExists widgetExists)
    : _database(database), _clock(clock), _widgetExists(std::move(widgetExists)) {}

StatsReport StatsService::compute(const auth::Caller& caller, const StatsQuery& query) {
    StatsReport report;
    report.toMs = query.toMs.value_or(_clock.nowMs());
    report.fromMs = query.fromMs.value_or(report.toMs - kDefaultPeriodMs);
    if (report.fromMs >= report.toMs) throw ApiError::badRequest("invalid_field", "from must be before to", "from");
    report.widgetId = query.widgetId;

    auto widgets = caller.visibleWidgets();
    if (query.widgetId) {
        if (!_widgetExists(*query.widgetId) || !caller.canSee(*query.widgetId)) throw ApiError::notFound("widget");
        widgets = std::vector<std::string>{*query.widgetId};
    }
    report.stats =
        _database.read([&](store::Sql& sql) { return _stats.compute(sql, report.fromMs, report.toMs, widgets); });
    return report;
}

} // namespace switchboard::core::conversation
