#include "core/handover/HandoverQueries.h"

#include "core/common/ApiError.h"

#include <charconv>

namespace switchboard::core::handover {

using common::ApiError;

namespace {

std::string encodeCursor(const HandoverRequest& r) { return std::to_string(r.createdAt) + "_" + r.id; }

std::pair<std::int64_t, std::string> decodeCursor(const std::string& cursor) {
    const auto separator = cursor.find('_');
    std::int64_t createdAt = 0;
    if (separator != std::string::npos) {
        const auto [end, error] = std::from_chars(cursor.data(), cursor.data() + separator, createdAt);
        if (error == std::errc() && end == cursor.data() + separator && separator + 1 < cursor.size())
            return {createdAt, cursor.substr(separator + 1)};
    }
    throw ApiError::badRequest("invalid_field", "cursor is not one this server issued", "cursor");
}

} // namespace

HandoverQueries::HandoverQueries(store::Database& database, const common::Clock& clock, WidgetExists widgetExists)
    : _database(database), _clock(clock), _widgetExists(std::move(widgetExists)) {}

std::vector<std::string> HandoverQueries::widgetsFor(const auth::Caller& caller,
                                                     const std::optional<std::string>& widgetId) const {
    if (widgetId) {
        if (!_widgetExists(*widgetId) || !caller.canSee(*widgetId)) throw ApiError::notFound("widget");
        return {*widgetId};
    }
    // Admins: no filter. An agent serving no widget gets a filter no row matches.
    if (auto visible = caller.visibleWidgets()) return visible->empty() ? std::vector<std::string>{""} : *visible;
    return {};
}

HandoverPage HandoverQueries::list(const auth::Caller& caller, const HandoverListQuery& query) {
    store::HandoverRequestFilter filter;
    if (query.status) {
        filter.status = HandoverStatusNames.parse(*query.status);
        if (!filter.status) {
            throw ApiError::badRequest("invalid_field", "status must be " + HandoverStatusNames.list(), "status");
        }
    }
    filter.widgetIds = widgetsFor(caller, query.widgetId);
    filter.conversationId = query.conversationId;
    if (query.cursor) filter.before = decodeCursor(*query.cursor);
    filter.limit = query.limit + 1;
    HandoverPage page;
    page.requests = _database.read([&](store::Sql& sql) { return _repository.listRequests(sql, filter); });
    if (page.requests.size() > query.limit) {
        page.requests.resize(query.limit);
        page.nextCursor = encodeCursor(page.requests.back());
    }
    return page;
}

HandoverDetail HandoverQueries::detail(const auth::Caller& caller, const std::string& id) {
    HandoverDetail detail;
    _database.read([&](store::Sql& sql) {
        auto request = _repository.findRequest(sql, id);
        if (!request || !caller.canSee(request->widgetId)) throw ApiError::notFound("handover request");
        detail.request = std::move(*request);
        for (auto& delivery : _repository.deliveriesOf(sql, id)) {
            auto attempts = _repository.attemptsOf(sql, delivery.id);
            detail.deliveries.emplace_back(std::move(delivery), std::move(attempts));
        }
    });
    return detail;
}

HandoverReport HandoverQueries::analytics(const auth::Caller& caller, const std::optional<std::string>& widgetId,
                                          int days) {
    if (days < 1 || days > MaxAnalyticsDays)
        throw ApiError::badRequest("invalid_field", "days must be between 1 and " + std::to_string(MaxAnalyticsDays),
                                   "days");
    store::HandoverRequestFilter filter;
    filter.widgetIds = widgetsFor(caller, widgetId);
    filter.createdSince = _clock.nowMs() - static_cast<std::int64_t>(days) * 24 * 60 * 60 * 1000;
    filter.limit = std::numeric_limits<std::int32_t>::max();
    return HandoverAnalytics::compute(_database.read([&](store::Sql& sql) { return _repository.listRequests(sql, filter); }));
}

} // namespace switchboard::core::handover
