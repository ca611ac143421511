#include "core/http/ConversationRoutes.h"

#include "core/common/ApiError.h"
#include "core/conversation/ConversationJson.h"
#include "core/http/JsonBody.h"
#include "core/http/QueryParams.h"

#include <Poco/StringTokenizer.h>

namespace switchboard::core::http {

using common::ApiError;
using conversation::ConversationJson;

ConversationRoutes::ConversationRoutes(const AuthGuard& guard, conversation::ConversationService& conversations,
                                       conversation::MessageService& messages,
                                       const conversation::AgentConversationJson& toJson,
                                       const presence::ViewingRegistry& viewing)
    : _guard(guard), _conversations(conversations), _messages(messages), _toJson(toJson), _viewing(viewing) {}

void ConversationRoutes::registerRoutes(Router& router) {
    // Actions whose whole answer is the changed conversation share one shape.
    auto action = [this](auto change) {
        return [this, change](HttpRequest& req, HttpResponse& res) {
            auto caller = _guard.require(req);
            res.json(200, _toJson(change(caller, req)));
        };
    };
    auto agentIdOf = [](const HttpRequest& req) { return JsonBody::read(req).requireString("agent_id"); };

    router.add("GET", "/api/conversations", [this](auto& req, auto& res) { list(req, res); });
    router.add("GET", "/api/conversations/{id}", [this](auto& req, auto& res) { detail(req, res); });
    router.add("PATCH", "/api/conversations/{id}", [this](auto& req, auto& res) { patch(req, res); });
    router.add("GET", "/api/conversations/{id}/messages", [this](auto& req, auto& res) { listMessages(req, res); });
    router.add("POST", "/api/conversations/{id}/messages", [this](auto& req, auto& res) { reply(req, res); });
    router.add("POST", "/api/conversations/{id}/assign",
               action([this, agentIdOf](const auth::Caller& caller, HttpRequest& req) {
                   return _conversations.assign(caller, req.pathParam("id"), agentIdOf(req));
               }));
    router.add("POST", "/api/conversations/{id}/transfer",
               action([this, agentIdOf](const auth::Caller& caller, HttpRequest& req) {
                   return _conversations.transfer(caller, req.pathParam("id"), agentIdOf(req));
               }));
    router.add("POST", "/api/conversations/{id}/resolve", action([this](const auth::Caller& caller, HttpRequest& req) {
                   return _conversations.resolve(caller, req.pathParam("id"));
               }));
    router.add("POST", "/api/conversations/{id}/reopen", action([this](const auth::Caller& caller, HttpRequest& req) {
                   return _conversations.reopen(caller, req.pathParam("id"));
               }));
    router.add("POST", "/api/conversations/{id}/read", [this](auto& req, auto& res) { read(req, res); });
}

void ConversationRoutes::list(HttpRequest& request, HttpResponse& response) {
    auto caller = _guard.require(request);
    conversation::ConversationListQuery query;
    if (auto statuses = QueryParams::optText(request, "status")) {
        Poco::StringTokenizer tokens(*statuses, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
        query.statuses.assign(tokens.begin(), tokens.end());
    }
    query.assigned = QueryParams::optText(request, "assigned");
    query.priority = QueryParams::optText(request, "priority");
    query.tag = QueryParams::optText(request, "tag");
    query.search = QueryParams::optText(request, "q");
    query.widgetId = QueryParams::optText(request, "widget_id");
    query.cursor = QueryParams::optText(request, "cursor");
    query.limit = QueryParams::limit(request, 50, conversation::ConversationService::MaxPageSize);

    auto page = _conversations.list(caller, query);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& view : page.conversations) items->add(_toJson(view));
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("conversations", items);
    json->set("next_cursor", page.nextCursor ? Poco::Dynamic::Var(*page.nextCursor) : Poco::Dynamic::Var());
    response.json(200, json);
}

void ConversationRoutes::listMessages(HttpRequest& request, HttpResponse& response) {
    auto caller = _guard.require(request);
    const auto before = QueryParams::optInteger(request, "before_seq", 1);
    const auto after = QueryParams::optInteger(request, "after_seq");
    if (before && after)
        throw ApiError::badRequest("invalid_field", "give before_seq or after_seq, not both", "before_seq");
    auto page = _messages.agentMessages(caller, request.pathParam("id"), before, after,
                                        QueryParams::limit(request, 50, conversation::MessageService::MaxPageSize));
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("messages", ConversationJson::agentMessages(page.messages, page.deliveries));
    json->set("has_more", page.hasMore);
    response.json(200, json);
}

void ConversationRoutes::reply(HttpRequest& request, HttpResponse& response) {
    auto caller = _guard.require(request);
    auto body = JsonBody::read(request);
    auto posted = _messages.postAgentMessage(caller, request.pathParam("id"), body.requireString("text"),
                                             body.optString("client_msg_id"));
    response.json(posted.created ? 201 : 200, ConversationJson::agentMessage(posted.message, posted.delivery));
}

void ConversationRoutes::read(HttpRequest& request, HttpResponse& response) {
    auto caller = _guard.require(request);
    auto receipt =
        _conversations.markRead(caller, request.pathParam("id"), JsonBody::read(request).optInteger("up_to_seq"));
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("conversation_id", request.pathParam("id"));
    json->set("unread_count", receipt.unreadCount);
    json->set("read_up_to_seq", receipt.readUpToSeq);
    response.json(200, json);
}

void ConversationRoutes::patch(HttpRequest& request, HttpResponse& response) {
    auto caller = _guard.require(request);
    auto body = JsonBody::read(request);
    body.requireAnyOf({"priority", "tags", "subject", "visitor_channel"});
    conversation::ConversationChanges changes;
    changes.priority = body.optString("priority");
    changes.tags = body.optStringArray("tags");
    changes.subject = body.optString("subject");
    if (body.contains("visitor_channel")) changes.visitorChannel = body.optString("visitor_channel");
    response.json(200, _toJson(_conversations.update(caller, request.pathParam("id"), changes)));
}

void ConversationRoutes::detail(HttpRequest& request, HttpResponse& response) {
    auto caller = _guard.require(request);
    const auto& id = request.pathParam("id");
    auto json = _toJson(_conversations.get(caller, id));
    ConversationJson::addViewing(*json, _viewing.viewers(id), _viewing.lastViewedAt(id));
    response.json(200, json);
}

} // namespace switchboard::core::http
