#include "core/http/StatsRoutes.h"

#include "core/common/ApiError.h"
#include "core/common/JsonValues.h"
#include "core/common/Time.h"
#include "core/http/QueryParams.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace switchboard::core::http {

using common::orNull;

namespace {

/// 9999-12-31T23:59:59.999Z, the last instant the API's timestamp format can express.
constexpr std::int64_t kLatestMs = 253'402'300'799'999;

/// An ISO-8601 date or date-time, or milliseconds since the Unix epoch.
std::optional<std::int64_t> instantParam(const HttpRequest& request, const std::string& name) {
    const auto text = QueryParams::optText(request, name);
    if (!text) return std::nullopt;
    if (std::all_of(text->begin(), text->end(), [](unsigned char c) { return std::isdigit(c); })) {
        std::int64_t ms = 0;
        const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), ms);
        if (error == std::errc() && end == text->data() + text->size() && ms <= kLatestMs) return ms;
    } else if (auto parsed = common::parseIso8601(*text)) {
        return parsed;
    }
    throw common::ApiError::badRequest("invalid_field",
                                       "'" + name + "' must be an ISO-8601 date or time, or milliseconds since 1970",
                                       name);
}

} // namespace

StatsRoutes::StatsRoutes(const AuthGuard& guard, conversation::StatsService& stats) : _guard(guard), _stats(stats) {}

void StatsRoutes::registerRoutes(Router& router) {
    router.add("GET", "/api/stats", [this](HttpRequest& req, HttpResponse& res) { get(req, res); });
}

void StatsRoutes::get(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    conversation::StatsQuery query;
    query.fromMs = instantParam(request, "from");
    query.toMs = instantParam(request, "to");
    query.widgetId = QueryParams::optText(request, "widget_id");
    const auto report = _stats.compute(caller, query);
    const auto& s = report.stats;

    Poco::JSON::Object::Ptr conversations = new Poco::JSON::Object;
    conversations->set("total", s.total);
    conversations->set("bot", s.bot);
    conversations->set("pending", s.pending);
    conversations->set("active", s.active);
    conversations->set("resolved", s.resolved);
    conversations->set("closed", s.closed);
    Poco::JSON::Object::Ptr messages = new Poco::JSON::Object;
    messages->set("visitor", s.visitorMessages);
    messages->set("agent", s.agentMessages);

    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("from", common::formatIso8601Ms(report.fromMs));
    json->set("to", common::formatIso8601Ms(report.toMs));
    json->set("widget_id", report.widgetId ? Poco::Dynamic::Var(*report.widgetId) : Poco::Dynamic::Var());
    json->set("conversations", conversations);
    json->set("avg_first_response_s", orNull(s.avgFirstResponseS));
    json->set("avg_resolution_s", orNull(s.avgResolutionS));
    json->set("avg_rating", orNull(s.avgRating));
    json->set("ratings_count", s.ratingsCount);
    json->set("messages", messages);
    response.json(200, json);
}

} // namespace switchboard::core::http
