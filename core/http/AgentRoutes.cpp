#include "core/http/AgentRoutes.h"

#include "core/http/AgentJson.h"
#include "core/http/JsonBody.h"

#include <Poco/JSON/Array.h>

namespace switchboard::core::http {

using auth::AgentService;

AgentRoutes::AgentRoutes(const AuthGuard& guard, AgentService& agents) : _guard(guard), _agents(agents) {}

void AgentRoutes::registerRoutes(Router& router) {
    router.add("GET", "/api/agents", [this](HttpRequest& req, HttpResponse& res) { list(req, res); });
    router.add("POST", "/api/agents", [this](HttpRequest& req, HttpResponse& res) { create(req, res); });
    router.add("GET", "/api/agents/{id}", [this](HttpRequest& req, HttpResponse& res) { get(req, res); });
    router.add("PATCH", "/api/agents/{id}", [this](HttpRequest& req, HttpResponse& res) { update(req, res); });
    router.add("DELETE", "/api/agents/{id}", [this](HttpRequest& req, HttpResponse& res) { deactivate(req, res); });
}

void AgentRoutes::list(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    Poco::JSON::Array::Ptr agents = new Poco::JSON::Array;
    for (const auto& agent : _agents.list(caller)) agents->add(AgentJson::toJson(agent));
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("agents", agents);
    response.json(200, json);
}

void AgentRoutes::create(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    AgentService::requireAdmin(caller); // before the body, so a non-admin learns nothing from validation
    const auto body = JsonBody::read(request);
    AgentService::NewAgent input;
    input.email = body.requireString("email");
    input.displayName = body.requireString("display_name");
    input.password = body.requireString("password");
    input.role = body.optString("role").value_or(input.role);
    input.widgets = body.optStringArray("widgets").value_or(input.widgets);
    input.maxConcurrentChats = body.optInteger("max_concurrent_chats").value_or(input.maxConcurrentChats);
    response.json(201, AgentJson::toJson(_agents.create(caller, input)));
}

void AgentRoutes::get(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    response.json(200, AgentJson::toJson(_agents.get(caller, request.pathParam("id"))));
}

void AgentRoutes::update(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    AgentService::requireAdmin(caller);
    const auto body = JsonBody::read(request);
    body.requireAnyOf({"email", "display_name", "password", "role", "widgets", "max_concurrent_chats", "active"});
    AgentService::AgentChanges changes;
    changes.email = body.optString("email");
    changes.displayName = body.optString("display_name");
    changes.password = body.optString("password");
    changes.role = body.optString("role");
    changes.widgets = body.optStringArray("widgets");
    changes.maxConcurrentChats = body.optInteger("max_concurrent_chats");
    changes.active = body.optBool("active");
    response.json(200, AgentJson::toJson(_agents.update(caller, request.pathParam("id"), changes)));
}

void AgentRoutes::deactivate(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    _agents.deactivate(caller, request.pathParam("id"));
    response.noContent();
}

} // namespace switchboard::core::http
