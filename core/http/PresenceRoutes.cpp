#include "core/http/PresenceRoutes.h"

#include "core/common/Time.h"
#include "core/http/JsonBody.h"
#include "core/http/QueryParams.h"
#include "core/presence/VisitorPresenceJson.h"

#include <Poco/JSON/Array.h>

#include <map>

namespace switchboard::core::http {

PresenceRoutes::PresenceRoutes(const AuthGuard& guard, conversation::ConversationService& conversations,
                               auth::AgentService& agents, const presence::VisitorPresence& visitorPresence,
                               presence::AgentPresence& agentPresence, presence::ViewingRegistry& viewing)
    : _guard(guard), _conversations(conversations), _agents(agents), _visitorPresence(visitorPresence),
      _agentPresence(agentPresence), _viewing(viewing) {}

void PresenceRoutes::registerRoutes(Router& router) {
    router.add("POST", "/api/agent/heartbeat", [this](auto& req, auto& res) { heartbeat(req, res); });
    router.add("POST", "/api/agent/status", [this](auto& req, auto& res) { setStatus(req, res); });
    router.add("GET", "/api/agent/status", [this](auto& req, auto& res) { listStatus(req, res); });
    router.add("POST", "/api/agent/logout", [this](auto& req, auto& res) { logout(req, res); });
    router.add("POST", "/api/agent/viewing/{id}", [this](auto& req, auto& res) { startViewing(req, res); });
    router.add("POST", "/api/agent/stop-viewing/{id}", [this](auto& req, auto& res) { stopViewing(req, res); });
    router.add("GET", "/api/widget/presence", [this](auto& req, auto& res) { visitorPresence(req, res); });
}

void PresenceRoutes::heartbeat(HttpRequest& request, HttpResponse& response) {
    _agentPresence.heartbeat(_guard.require(request).agent);
    response.noContent();
}

void PresenceRoutes::setStatus(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    const auto status = JsonBody::read(request).requireString("status");
    _agentPresence.setStatus(caller.agent, status);
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("agent_id", caller.agent.id);
    json->set("status", status);
    response.json(200, json);
}

void PresenceRoutes::listStatus(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    std::map<std::string, presence::AgentPresence::AgentState> present;
    for (auto& state : _agentPresence.list()) present.emplace(state.agentId, std::move(state));
    Poco::JSON::Array::Ptr agents = new Poco::JSON::Array;
    // The team the caller may see, in its order (display name), narrowed to those present.
    for (const auto& agent : _agents.list(caller)) {
        auto found = present.find(agent.id);
        if (found == present.end()) continue;
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("agent_id", agent.id);
        json->set("display_name", agent.displayName);
        json->set("status", found->second.status);
        json->set("last_heartbeat", common::formatIso8601Ms(found->second.lastHeartbeatMs));
        agents->add(json);
    }
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("agents", agents);
    response.json(200, json);
}

void PresenceRoutes::logout(HttpRequest& request, HttpResponse& response) {
    _agentPresence.logout(_guard.require(request).agent);
    response.noContent();
}

void PresenceRoutes::startViewing(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    const auto view = _conversations.get(caller, request.pathParam("id"));
    _viewing.startViewing(caller.agent.id, view.conversation.id, view.conversation.widgetId, std::nullopt);
    response.noContent();
}

void PresenceRoutes::stopViewing(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    const auto view = _conversations.get(caller, request.pathParam("id"));
    _viewing.stopViewing(caller.agent.id, view.conversation.id, std::nullopt);
    response.noContent();
}

void PresenceRoutes::visitorPresence(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    const auto view = _conversations.get(caller, QueryParams::require(request, "conversation_id"));
    response.json(200, presence::VisitorPresenceJson::object(_visitorPresence.snapshot(view.visitor.id),
                                                             view.visitor.lastSeenAt));
}

} // namespace switchboard::core::http
