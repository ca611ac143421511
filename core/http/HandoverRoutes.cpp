#include "core/http/HandoverRoutes.h"

#include "core/common/JsonValues.h"
#include "core/handover/HandoverJson.h"
#include "core/http/JsonBody.h"
#include "core/http/QueryParams.h"

#include <Poco/JSON/Array.h>

namespace switchboard::core::http {

using common::orNull;
using handover::HandoverJson;

namespace {

Poco::JSON::Object::Ptr figuresJson(const handover::HandoverFigures& f) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("requests", f.requests);
    json->set("delivered", f.delivered);
    json->set("completed", f.completed);
    json->set("failed", f.failed);
    json->set("pending", f.pending);
    json->set("success_rate", orNull(f.successRate));
    json->set("avg_seconds_to_notify", orNull(f.avgSecondsToNotify));
    json->set("p90_seconds_to_notify", orNull(f.p90SecondsToNotify));
    json->set("avg_seconds_to_complete", orNull(f.avgSecondsToComplete));
    json->set("p90_seconds_to_complete", orNull(f.p90SecondsToComplete));
    return json;
}

} // namespace

HandoverRoutes::HandoverRoutes(const AuthGuard& guard, const VisitorAuth& visitors, handover::HandoverService& service,
                               handover::HandoverQueries& queries, handover::HandoverConfigEditor& configEditor,
                               const handover::MethodTester& methodTester)
    : _guard(guard), _visitors(visitors), _service(service), _queries(queries), _configEditor(configEditor),
      _methodTester(methodTester) {}

void HandoverRoutes::registerRoutes(Router& router) {
    router.add("POST", "/api/handover/request", [this](auto& req, auto& res) { request(req, res); });
    router.add("GET", "/api/handover/requests", [this](auto& req, auto& res) { list(req, res); });
    router.add("GET", "/api/handover/requests/{id}", [this](auto& req, auto& res) { detail(req, res); });
    router.add("POST", "/api/handover/requests/{id}/retry", [this](auto& req, auto& res) { retry(req, res); });
    router.add("GET", "/api/handover/analytics", [this](auto& req, auto& res) { analytics(req, res); });
    router.add("GET", "/api/handover/config/{widget_id}", [this](auto& req, auto& res) { getConfig(req, res); });
    router.add("PUT", "/api/handover/config/{widget_id}", [this](auto& req, auto& res) { putConfig(req, res); });
    router.add("POST", "/api/handover/test", [this](auto& req, auto& res) { testMethod(req, res); });
}

void HandoverRoutes::request(HttpRequest& request, HttpResponse& response) {
    const auto visitor = _visitors.require(request);
    const auto body = JsonBody::read(request);
    handover::HandoverAsk ask;
    ask.conversationId = body.requireString("conversation_id");
    ask.requestedMethod = body.optString("requested_method");
    ask.visitorName = body.optString("visitor_name");
    ask.visitorEmail = body.optString("visitor_email");
    ask.visitorPhone = body.optString("visitor_phone");
    ask.visitorMessage = body.optString("visitor_message");
    const auto answer = _service.request(visitor, ask);
    response.json(answer.created ? 201 : 200,
                  HandoverJson::forVisitor(answer.request, answer.confirmation, answer.notice));
}

void HandoverRoutes::list(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    handover::HandoverListQuery query;
    query.widgetId = QueryParams::optText(request, "widget_id");
    query.status = QueryParams::optText(request, "status");
    query.conversationId = QueryParams::optText(request, "conversation_id");
    query.cursor = QueryParams::optText(request, "cursor");
    query.limit = QueryParams::limit(request, 50, handover::HandoverQueries::MaxPageSize);
    const auto page = _queries.list(caller, query);
    Poco::JSON::Array::Ptr requests = new Poco::JSON::Array;
    for (const auto& r : page.requests) requests->add(HandoverJson::request(r));
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("requests", requests);
    json->set("next_cursor", orNull(page.nextCursor));
    response.json(200, json);
}

void HandoverRoutes::detail(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    const auto detail = _queries.detail(caller, request.pathParam("id"));
    auto json = HandoverJson::request(detail.request);
    Poco::JSON::Array::Ptr deliveries = new Poco::JSON::Array;
    for (const auto& [delivery, attempts] : detail.deliveries) deliveries->add(HandoverJson::delivery(delivery, attempts));
    json->set("deliveries", deliveries);
    response.json(200, json);
}

void HandoverRoutes::retry(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    response.json(202, HandoverJson::request(_service.retry(caller, request.pathParam("id"))));
}

void HandoverRoutes::analytics(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    const auto days = QueryParams::optInteger(request, "days").value_or(30);
    const auto widgetId = QueryParams::optText(request, "widget_id");
    const auto report = _queries.analytics(caller, widgetId, static_cast<int>(std::clamp<std::int64_t>(days, -1, 100000)));
    Poco::JSON::Object::Ptr methods = new Poco::JSON::Object;
    for (const auto& [method, figures] : report.byMethod) methods->set(method, figuresJson(figures));
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("widget_id", orNull(widgetId));
    json->set("days", days);
    json->set("overall", figuresJson(report.overall));
    json->set("by_method", methods);
    response.json(200, json);
}

void HandoverRoutes::getConfig(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    response.json(200, _configEditor.view(caller, request.pathParam("widget_id")));
}

void HandoverRoutes::putConfig(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    const auto body = JsonBody::read(request);
    response.json(200, _configEditor.update(caller, request.pathParam("widget_id"), body.object()));
}

void HandoverRoutes::testMethod(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    const auto body = JsonBody::read(request);
    sdk::Settings settings;
    if (auto given = body.optStringMap("settings")) {
        for (auto& [key, value] : *given) settings[key] = std::move(value);
    }
    // With a widget and method, its saved settings are the base (the portal shows secrets masked).
    if (const auto widgetId = body.optString("widget_id")) {
        response.json(200, _methodTester.testSaved(caller, *widgetId, body.requireString("method"), settings));
        return;
    }
    response.json(200, _methodTester.testNew(caller, body.requireString("channel"), settings));
}

} // namespace switchboard::core::http
