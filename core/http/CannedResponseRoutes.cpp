#include "core/http/CannedResponseRoutes.h"

#include "core/common/JsonValues.h"
#include "core/common/Time.h"
#include "core/http/JsonBody.h"
#include "core/http/QueryParams.h"

#include <Poco/JSON/Array.h>

namespace switchboard::core::http {

using common::orNull;
using conversation::CannedResponse;
using conversation::CannedResponseService;

namespace {

Poco::JSON::Object::Ptr toJson(const CannedResponse& r) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", r.id);
    json->set("title", r.title);
    json->set("shortcut", r.shortcut);
    json->set("content", r.content);
    json->set("widget_id", orNull(r.widgetId));
    json->set("scope", r.scope);
    json->set("owner_agent_id", orNull(r.ownerAgentId));
    json->set("usage_count", r.usageCount);
    json->set("created_at", common::formatIso8601Ms(r.createdAt));
    json->set("updated_at", common::formatIso8601Ms(r.updatedAt));
    return json;
}

CannedResponseService::Draft draftOf(const HttpRequest& request) {
    const auto body = JsonBody::read(request);
    CannedResponseService::Draft draft;
    draft.title = body.requireString("title");
    draft.shortcut = body.requireString("shortcut");
    draft.content = body.requireString("content");
    draft.widgetId = body.optString("widget_id");
    draft.scope = body.optString("scope").value_or(draft.scope);
    return draft;
}

} // namespace

CannedResponseRoutes::CannedResponseRoutes(const AuthGuard& guard, CannedResponseService& responses)
    : _guard(guard), _responses(responses) {}

void CannedResponseRoutes::registerRoutes(Router& router) {
    router.add("GET", "/api/canned-responses", [this](HttpRequest& req, HttpResponse& res) { get(req, res); });
    router.add("POST", "/api/canned-responses", [this](HttpRequest& req, HttpResponse& res) { create(req, res); });
    router.add("PUT", "/api/canned-responses/{id}", [this](HttpRequest& req, HttpResponse& res) { update(req, res); });
    router.add("DELETE", "/api/canned-responses/{id}",
               [this](HttpRequest& req, HttpResponse& res) { remove(req, res); });
}

void CannedResponseRoutes::get(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    if (const auto shortcut = QueryParams::optText(request, "shortcut")) {
        response.json(200, toJson(_responses.useShortcut(caller, *shortcut)));
        return;
    }
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& r : _responses.list(caller, QueryParams::optText(request, "widget_id"))) list->add(toJson(r));
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("canned_responses", list);
    response.json(200, json);
}

void CannedResponseRoutes::create(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    response.json(201, toJson(_responses.create(caller, draftOf(request))));
}

void CannedResponseRoutes::update(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    response.json(200, toJson(_responses.update(caller, request.pathParam("id"), draftOf(request))));
}

void CannedResponseRoutes::remove(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    _responses.remove(caller, request.pathParam("id"));
    response.noContent();
}

} // namespace switchboard::core::http
