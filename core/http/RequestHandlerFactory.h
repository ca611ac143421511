#pragma once

#include "core/http/HttpPipeline.h"
#include "core/http/SocketUpgradeHandler.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <string>
#include <vector>

namespace switchboard::core::http {

/// Adapts POCO's HTTP server to the pipeline: reads the body within the size limit (413 beyond it, without
/// reading the rest), works out the client address, and writes the pipeline's response.
class RequestHandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    /// Requests to `/socket.io/` go to `upgradeSocket`'s handler; the rest through the pipeline.
    RequestHandlerFactory(const HttpPipeline& pipeline, std::size_t maxBodyBytes,
                          std::vector<std::string> trustedProxies, SocketUpgradeHandler::Adopt upgradeSocket,
                          const std::atomic<bool>& ready);

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    const HttpPipeline& _pipeline;
    const std::size_t _maxBodyBytes;
    const std::vector<std::string> _trustedProxies;
    const SocketUpgradeHandler::Adopt _upgradeSocket;
    const std::atomic<bool>& _ready;
};

} // namespace switchboard::core::http
