#include "core/http/ChannelCallbackRoutes.h"

#include "core/common/ApiError.h"

#include <Poco/Logger.h>

namespace switchboard::core::http {

ChannelCallbackRoutes::ChannelCallbackRoutes(const plugin_host::PluginHost& plugins, std::string publicUrl)
    : _plugins(plugins), _publicUrl(std::move(publicUrl)) {}

void ChannelCallbackRoutes::registerRoutes(Router& router) {
    for (const auto* method : {"GET", "POST"}) {
        router.add(method, "/api/channels/{instance}/inbound", [this](auto& req, auto& res) { callback(req, res); });
        router.add(method, "/api/channels/{instance}/inbound/{path}",
                   [this](auto& req, auto& res) { callback(req, res); });
    }
}

void ChannelCallbackRoutes::callback(HttpRequest& request, HttpResponse& response) {
    const auto& name = request.pathParam("instance");
    const auto* instance = _plugins.find(name);
    if (!instance) throw common::ApiError::notFound("channel");

    sdk::InboundRequest inbound;
    inbound.method = request.method;
    const auto path = request.pathParams.find("path");
    inbound.path = "/" + (path == request.pathParams.end() ? std::string() : path->second);
    inbound.url = (_publicUrl.empty() ? "http://" + request.header("Host") : _publicUrl) + request.target;
    for (const auto& [header, value] : request.headers) inbound.headers.emplace_back(header, value);
    inbound.query = request.query;
    inbound.body = request.body;

    sdk::InboundResult result;
    try {
        result = instance->channel().inbound(inbound);
    } catch (const std::exception& e) {
        Poco::Logger::get("channel." + name).error("callback %s %s failed: %s", request.method, inbound.path,
                                                   std::string(e.what()));
        throw common::ApiError(500, "internal_error", "the channel could not handle the callback");
    }
    response.status = result.status;
    response.contentType = result.contentType;
    response.body = result.body;
}

} // namespace switchboard::core::http
