#include "core/http/WidgetRoutes.h"

#include "core/common/ApiError.h"
#include "core/common/JsonValues.h"
#include "core/common/TimeZone.h"
#include "core/config/BusinessHoursCalendar.h"
#include "core/conversation/ConversationJson.h"
#include "core/http/JsonBody.h"
#include "core/http/QueryParams.h"
#include "core/http/WidgetConfigJson.h"
#include "core/http/WidgetGate.h"

namespace switchboard::core::http {

using common::ApiError;
using conversation::ConversationJson;

WidgetRoutes::WidgetRoutes(const config::WidgetRegistry& widgets, conversation::WidgetSessionService& sessions,
                           conversation::MessageService& messages, conversation::ConversationService& conversations,
                           const common::Clock& clock, std::size_t maxMessageChars, int heartbeatS,
                           AgentsAvailable agentsAvailable)
    : _widgets(widgets),
      _sessions(sessions),
      _messages(messages),
      _conversations(conversations),
      _clock(clock),
      _maxMessageChars(maxMessageChars),
      _heartbeatS(heartbeatS),
      _agentsAvailable(std::move(agentsAvailable)),
      _visitors(sessions, widgets) {}

void WidgetRoutes::registerRoutes(Router& router) {
    router.add("GET", "/api/widget/config", [this](auto& req, auto& res) { config(req, res); });
    router.add("GET", "/api/widget/availability", [this](auto& req, auto& res) { availability(req, res); });
    router.add("POST", "/api/widget/init", [this](auto& req, auto& res) { init(req, res); });
    router.add("POST", "/api/widget/messages", [this](auto& req, auto& res) { postMessage(req, res); });
    router.add("GET", "/api/widget/messages", [this](auto& req, auto& res) { listMessages(req, res); });
    router.add("POST", "/api/widget/rating", [this](auto& req, auto& res) { rate(req, res); });
}

std::shared_ptr<const config::WidgetConfig> WidgetRoutes::admittedWidget(HttpRequest& request) const {
    auto widget = _widgets.find(QueryParams::require(request, "widget_id"));
    if (!widget) throw ApiError::notFound("widget");
    WidgetGate::admitOrigin(request, *widget);
    return widget;
}

WidgetRoutes::HoursNow WidgetRoutes::hoursNow(const config::WidgetConfig& widget) const {
    const auto& hours = widget.businessHours;
    const config::BusinessHoursCalendar calendar(hours, common::TimeZone::load(hours.timezone));
    const auto now = _clock.nowMs();
    return {calendar.isOpen(now), calendar.nextChangeMs(now)};
}

void WidgetRoutes::config(HttpRequest& request, HttpResponse& response) {
    const auto widget = admittedWidget(request);
    const auto hours = hoursNow(*widget);
    response.json(200, WidgetConfigJson::render(*widget, _maxMessageChars, _heartbeatS, hours.open, hours.nextChangeMs));
    response.setHeader("Cache-Control", "public, max-age=60");
}

void WidgetRoutes::availability(HttpRequest& request, HttpResponse& response) {
    const auto widget = admittedWidget(request);
    const auto hours = hoursNow(*widget);
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("agents_available", _agentsAvailable(widget->id));
    json->set("open_now", hours.open);
    json->set("next_change_at", common::timeOrNull(hours.nextChangeMs));
    response.json(200, json);
}

void WidgetRoutes::init(HttpRequest& request, HttpResponse& response) {
    auto body = JsonBody::read(request);
    conversation::WidgetStart start;
    start.widgetId = body.requireString("widget_id");
    if (auto widget = _widgets.find(start.widgetId)) WidgetGate::admitOrigin(request, *widget);
    start.name = body.optString("name");
    start.email = body.optString("email");
    start.phone = body.optString("phone");
    start.message = body.optString("message");
    start.custom = body.optStringMap("custom").value_or(std::vector<std::pair<std::string, std::string>>{});
    start.currentUrl = body.optString("current_url");
    start.referrer = body.optString("referrer");
    start.visitorToken = request.bearerToken();
    start.clientIp = request.clientIp;
    start.userAgent = request.header("User-Agent");

    auto session = _sessions.start(start);
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("conversation_id", session.view.conversation.id);
    json->set("visitor_id", session.view.visitor.id);
    json->set("visitor_token", session.visitorToken);
    json->set("status", conversation::toString(session.view.conversation.status));
    json->set("resumed", session.resumed);
    json->set("conversation", ConversationJson::visitorConversation(session.view));
    json->set("messages", ConversationJson::messages(session.messages));
    response.json(session.resumed ? 200 : 201, json);
}

void WidgetRoutes::postMessage(HttpRequest& request, HttpResponse& response) {
    auto visitor = _visitors.require(request);
    auto body = JsonBody::read(request);
    auto posted = _messages.postVisitorMessage(visitor, body.requireString("conversation_id"),
                                               body.requireString("text"), body.optString("client_msg_id"));
    response.json(posted.created ? 201 : 200, ConversationJson::message(posted.message));
}

void WidgetRoutes::listMessages(HttpRequest& request, HttpResponse& response) {
    auto visitor = _visitors.require(request);
    auto page = _messages.visitorMessagesAfter(visitor, QueryParams::require(request, "conversation_id"),
                                               QueryParams::optInteger(request, "after_seq").value_or(0),
                                               QueryParams::limit(request, 100, conversation::MessageService::MaxPageSize));
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("messages", ConversationJson::messages(page.messages));
    json->set("has_more", page.hasMore);
    response.json(200, json);
}

void WidgetRoutes::rate(HttpRequest& request, HttpResponse& response) {
    auto visitor = _visitors.require(request);
    auto body = JsonBody::read(request);
    const auto conversationId = body.requireString("conversation_id");
    const auto rating = body.raw("rating");
    if (!body.contains("rating")) throw ApiError::badRequest("missing_field", "'rating' is required", "rating");
    if (rating.isEmpty() || !rating.isInteger() || rating.isBoolean()) throw ApiError::invalid("invalid_rating", "rating must be a whole number from 1 to 5", "rating");
    auto conversation =
        _conversations.rate(visitor.id, conversationId, rating.convert<std::int64_t>(), body.optString("feedback"));
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("conversation_id", conversation.id);
    json->set("rating", *conversation.rating);
    json->set("feedback", conversation.feedback ? Poco::Dynamic::Var(*conversation.feedback) : Poco::Dynamic::Var());
    response.json(200, json);
}

} // namespace switchboard::core::http
