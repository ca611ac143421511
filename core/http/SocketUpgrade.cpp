#include "core/http/SocketUpgrade.h"

#include "core/http/AuthGuard.h"
#include "core/http/WidgetGate.h"
#include "core/realtime/WebSocketHandshake.h"

namespace switchboard::core::http {

SocketUpgrade::Outcome SocketUpgrade::refused(common::ApiError error) {
    Outcome outcome;
    outcome.refusal = std::move(error);
    return outcome;
}

SocketUpgrade::Outcome SocketUpgrade::evaluate(const HttpRequest& request, int versionMinor, bool ready) {
    if (!ready) return refused(common::ApiError(503, "unavailable", "the hub is starting; try again shortly"));
    const auto query = [&](const char* name) { return request.queryParam(name).value_or(""); };
    const auto transport = query("transport");
    if (query("EIO") != "4" || (transport != "websocket" && transport != "polling")) {
        return refused(common::ApiError::badRequest(
            "unsupported_transport", "Engine.IO 4 is served over transport=websocket or transport=polling"));
    }

    Outcome outcome;
    // The hub's own pages (the demo page, the portal) count as no foreign origin, as they do for the REST API.
    const auto pageOrigin = request.header("Origin");
    outcome.origin = WidgetGate::sameOrigin(request, pageOrigin) ? std::string() : pageOrigin;
    if (!request.header("Authorization").empty() || outcome.origin.empty())
        outcome.sessionToken = AuthGuard::tokenOf(request);
    outcome.sid = query("sid");
    if (transport == "polling") return polling(request, std::move(outcome));

    realtime::WebSocketHandshake::Headers headers;
    for (const auto& [name, value] : request.headers) headers.emplace(name, value);
    const auto answer =
        realtime::WebSocketHandshake::evaluate(request.method, versionMinor == 1 ? "HTTP/1.1" : "HTTP/1.0", headers);
    if (!answer.accepted()) {
        auto refusal = refused(common::ApiError(answer.status, "upgrade_refused", answer.reason));
        refusal.refusalHeaders = answer.headers;
        return refusal;
    }
    outcome.kind = outcome.sid.empty() ? Kind::WebSocket : Kind::SessionUpgrade;
    outcome.answer = realtime::WebSocketHandshake::responseText(answer);
    return outcome;
}

SocketUpgrade::Outcome SocketUpgrade::polling(const HttpRequest& request, Outcome outcome) {
    if (request.method == "GET") {
        outcome.kind = outcome.sid.empty() ? Kind::PollingOpen : Kind::Poll;
        return outcome;
    }
    if (request.method == "POST" && !outcome.sid.empty()) {
        outcome.kind = Kind::PollPost;
        return outcome;
    }
    if (request.method == "POST")
        return refused(common::ApiError::badRequest("invalid_request", "a long-polling POST needs the session's sid"));
    auto refusal = refused(common::ApiError(405, "method_not_allowed", "long-polling takes GET and POST"));
    refusal.refusalHeaders = {{"Allow", "GET, POST"}};
    return refusal;
}

} // namespace switchboard::core::http
