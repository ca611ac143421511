#include "core/http/HttpDispatcher.h"

#include "core/http/SocketUpgrade.h"

#include <Poco/Logger.h>
#include <Poco/URI.h>

#include <chrono>

namespace switchboard::core::http {

using realtime::Connection;
using realtime::RealtimeLoop;

namespace {

std::shared_ptr<const std::string> wire(const HttpResponse& response, bool keepAlive, bool headOnly) {
    return std::make_shared<const std::string>(response.toWire(keepAlive, headOnly));
}

/// Hands an answer computed off the loop back to it; the connection may have gone meanwhile.
void answerOnLoop(RealtimeLoop& loop, std::uint64_t connectionId, std::shared_ptr<const std::string> answer,
                  bool keepAlive) {
    loop.post([connectionId, answer = std::move(answer), keepAlive](RealtimeLoop& owner) {
        auto* connection = owner.find(connectionId);
        if (connection && connection->protocol() == Connection::Protocol::Http && connection->httpBusy)
            owner.respond(*connection, answer, keepAlive);
    });
}

/// The catalogued error code of a request refused by the transport (see HttpRequestParser and the loop's timeouts).
std::string refusalCode(int status) {
    switch (status) {
    case 408:
        return "request_timeout";
    case 413:
        return "payload_too_large";
    case 414:
    case 431:
        return "header_too_large";
    case 501:
        return "not_implemented";
    case 505:
        return "http_version_not_supported";
    default:
        return "invalid_request";
    }
}

} // namespace

HttpDispatcher::HttpDispatcher(const HttpPipeline& pipeline, const ClientAddress& clients,
                               realtime::PollingSessions& sessions, const config::ServerConfig& server,
                               const common::Clock& clock, const std::atomic<bool>& ready)
    : _pipeline(pipeline),
      _clients(clients),
      _sessions(sessions),
      _ready(ready),
      _workers(std::make_unique<common::WorkerPool>(
          "http-worker", static_cast<std::size_t>(server.threads),
          common::WorkerPool::Bounds{static_cast<std::size_t>(server.maxQueued), server.maxQueueWaitMs}, clock)) {}

HttpDispatcher::~HttpDispatcher() { stop(); }

void HttpDispatcher::stop() { _workers->stop(); }

HttpRequest HttpDispatcher::toRequest(ParsedRequest parsed, const std::string& peer) const {
    HttpRequest request;
    request.method = std::move(parsed.method);
    request.target = parsed.target;
    request.headers = std::move(parsed.headers);
    request.body = std::move(parsed.body);
    request.clientIp = _clients.of(peer, request.header("X-Forwarded-For"));
    try {
        const Poco::URI uri(parsed.target);
        request.path = uri.getPath();
        for (const auto& [name, value] : uri.getQueryParameters()) request.query.emplace(name, value);
    } catch (const Poco::SyntaxException&) {
        throw common::ApiError::badRequest("invalid_request", "malformed request URI");
    }
    if (request.path.empty() || request.path.front() != '/')
        throw common::ApiError::badRequest("invalid_request", "the request target must be a path");
    return request;
}

void HttpDispatcher::request(RealtimeLoop& loop, Connection& connection, ParsedRequest parsed) {
    const bool keepAlive = parsed.keepAlive;
    const int versionMinor = parsed.versionMinor;
    HttpRequest request;
    try {
        request = toRequest(std::move(parsed), connection.peerAddress);
    } catch (const common::ApiError& error) {
        answerError(loop, connection, request, error, false);
        return;
    }
    if (SocketUpgrade::isSocketPath(request.path)) {
        realtimeRequest(loop, connection, std::move(request), versionMinor, keepAlive);
        return;
    }
    // HEAD is answered as GET without the body (RFC 9110 §9.3.2).
    const bool headOnly = request.method == "HEAD";
    if (headOnly) request.method = "GET";
    const auto id = connection.id();
    const bool queued = _workers->submit([this, &loop, id, request, keepAlive, headOnly]() mutable {
        const auto started = std::chrono::steady_clock::now();
        const auto response = _pipeline.handle(request);
        answerOnLoop(loop, id, wire(response, keepAlive, headOnly), keepAlive);
        auto& logger = Poco::Logger::get("http");
        if (logger.debug()) {
            const auto micros =
                std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
            logger.debug("%s %s %d %.2fms %s", request.method, request.path, response.status, micros.count() / 1000.0,
                         request.clientIp);
        }
    });
    if (!queued) {
        answerError(loop, connection, request,
                    common::ApiError(503, "busy", "the hub is busy; try again in a moment"), keepAlive,
                    {{"Retry-After", "1"}});
    }
}

void HttpDispatcher::realtimeRequest(RealtimeLoop& loop, Connection& connection, HttpRequest request,
                                     int versionMinor, bool keepAlive) {
    auto outcome = SocketUpgrade::evaluate(request, versionMinor, _ready.load());
    switch (outcome.kind) {
    case SocketUpgrade::Kind::Refused:
        answerError(loop, connection, request, *outcome.refusal, false, outcome.refusalHeaders);
        return;
    case SocketUpgrade::Kind::WebSocket:
        loop.upgrade(connection, std::make_shared<const std::string>(std::move(outcome.answer)),
                     std::move(outcome.origin), std::move(outcome.sessionToken));
        return;
    case SocketUpgrade::Kind::SessionUpgrade:
        if (!_sessions.find(outcome.sid)) {
            answerError(loop, connection, request, common::ApiError::badRequest("invalid_request", "unknown session"),
                        false);
            return;
        }
        loop.handOver(connection, std::make_shared<const std::string>(std::move(outcome.answer)), outcome.sid);
        return;
    case SocketUpgrade::Kind::PollingOpen:
        loop.openPolling(request.clientIp, std::move(outcome.origin), std::move(outcome.sessionToken),
                         pollAnswer(loop, connection, request, keepAlive));
        return;
    case SocketUpgrade::Kind::Poll:
    case SocketUpgrade::Kind::PollPost: {
        auto answer = pollAnswer(loop, connection, request, keepAlive);
        const bool post = outcome.kind == SocketUpgrade::Kind::PollPost;
        const bool found = _sessions.toSession(
            outcome.sid, [answer, post, body = std::move(request.body)](RealtimeLoop& owner, std::uint64_t id) {
                if (post) {
                    owner.pollPost(id, body, answer);
                } else {
                    owner.poll(id, answer);
                }
            });
        if (!found) answer(400, "unknown session");
        return;
    }
    }
}

realtime::PollAnswer HttpDispatcher::pollAnswer(RealtimeLoop& loop, const Connection& connection, HttpRequest request,
                                                bool keepAlive) const {
    request.body.clear(); // only the head is needed, for the answer's headers
    return [this, &loop, id = connection.id(), request = std::move(request), keepAlive](int status, std::string body) {
        HttpResponse response;
        if (status == 200) {
            response.contentType = "text/plain; charset=UTF-8";
            response.body = std::move(body);
            response.setHeader("Cache-Control", "no-store");
            _pipeline.decorate(request, response);
        } else {
            response = _pipeline.refusal(request, common::ApiError(status, status == 503 ? "too_many_connections"
                                                                                         : "invalid_request", body));
        }
        answerOnLoop(loop, id, wire(response, keepAlive, false), keepAlive);
    };
}

void HttpDispatcher::refuse(RealtimeLoop& loop, Connection& connection, int status, const std::string& reason,
                            const ParsedRequest* head) {
    HttpRequest request;
    if (head) {
        try {
            request = toRequest(*head, connection.peerAddress);
        } catch (const common::ApiError&) {
            // The error answered is the refusal's; the head only lends its CORS context when it is readable.
        }
    }
    answerError(loop, connection, request, common::ApiError(status, refusalCode(status), reason), false);
}

void HttpDispatcher::answerError(RealtimeLoop& loop, Connection& connection, const HttpRequest& request,
                                 const common::ApiError& error, bool keepAlive,
                                 const std::vector<std::pair<std::string, std::string>>& headers) {
    auto response = _pipeline.refusal(request, error);
    for (const auto& [name, value] : headers) response.setHeader(name, value);
    loop.respond(connection, wire(response, keepAlive, false), keepAlive);
}

} // namespace switchboard::core::http
