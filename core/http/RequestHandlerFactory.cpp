#include "core/http/RequestHandlerFactory.h"

#include "core/common/ApiError.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>

namespace switchboard::core::http {

namespace {

class PipelineRequestHandler final : public Poco::Net::HTTPRequestHandler {
public:
    PipelineRequestHandler(const HttpPipeline& pipeline, std::size_t maxBodyBytes,
                           const std::vector<std::string>& trustedProxies)
        : _pipeline(pipeline), _maxBodyBytes(maxBodyBytes), _trustedProxies(trustedProxies) {}

    void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override {
        const auto started = std::chrono::steady_clock::now();
        HttpRequest request;
        request.method = in.getMethod();
        request.clientIp = clientIp(in);
        for (const auto& [name, value] : in) request.headers.add(name, value);

        HttpResponse response;
        try {
            Poco::URI uri(in.getURI());
            request.target = in.getURI();
            request.path = uri.getPath();
            for (const auto& [name, value] : uri.getQueryParameters()) request.query.emplace(name, value);
            readBody(in, request.body);
            response = _pipeline.handle(request);
        } catch (const common::ApiError& error) {
            HttpPipeline::writeError(response, error);
            // The unread remainder of an oversized body would be parsed as the next request.
            out.setKeepAlive(false);
        } catch (const Poco::SyntaxException&) {
            HttpPipeline::writeError(response, common::ApiError::badRequest("invalid_request", "malformed request URI"));
        }
        response.writeTo(out);

        auto& logger = Poco::Logger::get("http");
        if (logger.debug()) {
            const auto micros =
                std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
            logger.debug("%s %s %d %.2fms %s", request.method, request.path, response.status,
                         micros.count() / 1000.0, request.clientIp);
        }
    }

private:
    void readBody(Poco::Net::HTTPServerRequest& in, std::string& body) const {
        const auto tooLarge = [this] {
            return common::ApiError(413, "payload_too_large",
                                    "the request body exceeds " + std::to_string(_maxBodyBytes) + " bytes");
        };
        if (in.hasContentLength() && static_cast<std::size_t>(in.getContentLength64()) > _maxBodyBytes) throw tooLarge();
        // Without a length or chunked framing there is no body (a preflight, a bare POST); reading would
        // wait for the client to close the connection.
        if (!in.hasContentLength() && !in.getChunkedTransferEncoding()) return;
        auto& stream = in.stream();
        char buffer[8192];
        while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
            body.append(buffer, static_cast<std::size_t>(stream.gcount()));
            if (body.size() > _maxBodyBytes) throw tooLarge();
        }
    }

    std::string clientIp(Poco::Net::HTTPServerRequest& in) const {
        const std::string peer = in.clientAddress().host().toString();
        if (std::find(_trustedProxies.begin(), _trustedProxies.end(), peer) == _trustedProxies.end()) return peer;
        const std::string forwarded = in.get("X-Forwarded-For", "");
        if (forwarded.empty()) return peer;
        // The right-most entry is the one our trusted proxy added.
        const auto comma = forwarded.rfind(',');
        return Poco::trim(comma == std::string::npos ? forwarded : forwarded.substr(comma + 1));
    }

    const HttpPipeline& _pipeline;
    const std::size_t _maxBodyBytes;
    const std::vector<std::string>& _trustedProxies;
};

} // namespace

RequestHandlerFactory::RequestHandlerFactory(const HttpPipeline& pipeline, std::size_t maxBodyBytes,
                                             std::vector<std::string> trustedProxies,
                                             SocketUpgradeHandler::Adopt upgradeSocket, const std::atomic<bool>& ready)
    : _pipeline(pipeline),
      _maxBodyBytes(maxBodyBytes),
      _trustedProxies(std::move(trustedProxies)),
      _upgradeSocket(std::move(upgradeSocket)),
      _ready(ready) {}

Poco::Net::HTTPRequestHandler* RequestHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest& request) {
    const auto& uri = request.getURI();
    if (uri.rfind(SocketUpgradeHandler::Path, 0) == 0) return new SocketUpgradeHandler(_upgradeSocket, _ready);
    return new PipelineRequestHandler(_pipeline, _maxBodyBytes, _trustedProxies);
}

} // namespace switchboard::core::http
