#include "core/http/SocketUpgradeHandler.h"

#include "core/common/ApiError.h"
#include "core/http/AuthGuard.h"
#include "core/http/HttpPipeline.h"
#include "core/http/HttpRequest.h"
#include "core/http/HttpResponse.h"
#include "core/http/WidgetGate.h"
#include "core/realtime/WebSocketHandshake.h"

#include <Poco/Buffer.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/URI.h>

namespace switchboard::core::http {

namespace {

void refuse(Poco::Net::HTTPServerResponse& out, const common::ApiError& error,
            const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    HttpResponse response;
    HttpPipeline::writeError(response, error);
    for (const auto& [name, value] : headers) response.setHeader(name, value);
    response.setHeader("Connection", "close");
    response.writeTo(out);
}

} // namespace

void SocketUpgradeHandler::handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) {
    if (!_ready.load()) {
        refuse(out, common::ApiError(503, "unavailable", "the hub is starting; try again shortly"));
        return;
    }
    HttpRequest request;
    for (const auto& [name, value] : in) request.headers.add(name, value);
    try {
        for (const auto& [name, value] : Poco::URI(in.getURI()).getQueryParameters()) request.query.emplace(name, value);
    } catch (const Poco::SyntaxException&) {
        refuse(out, common::ApiError::badRequest("invalid_request", "malformed request URI"));
        return;
    }
    const auto query = [&](const char* name) {
        auto found = request.query.find(name);
        return found == request.query.end() ? std::string() : found->second;
    };
    if (query("EIO") != "4" || query("transport") != "websocket" || !query("sid").empty()) {
        refuse(out, common::ApiError::badRequest("unsupported_transport",
                                                 "only Engine.IO 4 over WebSocket is served: use EIO=4&transport=websocket"));
        return;
    }

    realtime::WebSocketHandshake::Headers headers;
    for (const auto& [name, value] : in) headers.emplace(name, value);
    const auto answer = realtime::WebSocketHandshake::evaluate(in.getMethod(), in.getVersion(), headers);
    if (!answer.accepted()) {
        refuse(out, common::ApiError(answer.status, "upgrade_refused", answer.reason), answer.headers);
        return;
    }

    // The hub's own pages (the demo page, the portal) count as no foreign origin, as they do for the REST API.
    const auto pageOrigin = request.header("Origin");
    const auto origin = WidgetGate::sameOrigin(request, pageOrigin) ? std::string() : pageOrigin;
    // The browser attaches the portal's cookie to any page's WebSocket: it counts only from the hub's own pages
    // (or from a client that is not a browser, which sends no Origin). An Authorization header cannot be forged
    // by another site's script.
    std::optional<std::string> sessionToken;
    if (!request.header("Authorization").empty() || origin.empty()) sessionToken = AuthGuard::tokenOf(request);

    auto& impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl&>(in);
    Poco::Buffer<char> buffered(0);
    impl.session().drainBuffer(buffered);
    auto socket = impl.detachSocket();
    const auto response = realtime::WebSocketHandshake::responseText(answer);
    socket.sendBytes(response.data(), static_cast<int>(response.size()));
    _adopt(std::move(socket), std::string(buffered.begin(), buffered.size()), origin, std::move(sessionToken));
}

} // namespace switchboard::core::http
