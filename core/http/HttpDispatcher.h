#pragma once

#include "core/common/WorkerPool.h"
#include "core/config/HubConfig.h"
#include "core/http/ClientAddress.h"
#include "core/http/HttpPipeline.h"
#include "core/realtime/RealtimeLoop.h"

#include <atomic>
#include <memory>

namespace switchboard::core::http {

/// Serves the HTTP requests that the event loops read. Requests to the real-time endpoint `/socket.io/` are
/// answered on the loops: the WebSocket upgrade on the connection's own, Engine.IO long-polling on the loop that
/// holds the session. Every other request runs through the pipeline on one of `server.threads` handler threads,
/// and its answer goes back to the connection's loop to be written. Requests waiting for a thread are bounded
/// (`server.max_queued`, `server.max_queue_wait_ms`): past the bounds the hub answers 503 with Retry-After at once,
/// so that what it accepts stays fast.
class HttpDispatcher final : public realtime::HttpHandler {
public:
    HttpDispatcher(const HttpPipeline& pipeline, const ClientAddress& clients, realtime::PollingSessions& sessions,
                   const config::ServerConfig& server, const common::Clock& clock, const std::atomic<bool>& ready);
    ~HttpDispatcher() override;

    /// Lets the requests being handled finish and refuses new ones. Before the loops stop.
    void stop();

    void request(realtime::RealtimeLoop& loop, realtime::Connection& connection, ParsedRequest parsed) override;
    void refuse(realtime::RealtimeLoop& loop, realtime::Connection& connection, int status, const std::string& reason,
                const ParsedRequest* head) override;

    /// The request as the routes see it; throws ApiError 400 for a target that is not a valid URI.
    HttpRequest toRequest(ParsedRequest parsed, const std::string& peer) const;

private:
    /// A request to `/socket.io/`.
    void realtimeRequest(realtime::RealtimeLoop& loop, realtime::Connection& connection, HttpRequest request,
                         int versionMinor, bool keepAlive);
    /// How a long-polling request is answered, from whichever loop holds its session.
    realtime::PollAnswer pollAnswer(realtime::RealtimeLoop& loop, const realtime::Connection& connection,
                                    HttpRequest request, bool keepAlive) const;
    /// Answers at once on the loop with `error`, closing the connection unless `keepAlive`.
    void answerError(realtime::RealtimeLoop& loop, realtime::Connection& connection, const HttpRequest& request,
                     const common::ApiError& error, bool keepAlive,
                     const std::vector<std::pair<std::string, std::string>>& headers = {});

    const HttpPipeline& _pipeline;
    const ClientAddress& _clients;
    realtime::PollingSessions& _sessions;
    const std::atomic<bool>& _ready;
    std::unique_ptr<common::WorkerPool> _workers;
};

} // namespace switchboard::core::http
