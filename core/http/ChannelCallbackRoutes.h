#pragma once

#include "core/http/Router.h"
#include "core/plugin_host/PluginHost.h"

#include <string>

namespace switchboard::core::http {

/// Providers' callbacks to a channel instance (a Twilio reply, a delivery status): GET or POST at
/// `/api/channels/{instance}/inbound` and `/api/channels/{instance}/inbound/{path}`, handed to the channel's
/// `inbound` as they came. Public: the channel verifies the provider's signature itself. The URL the channel sees
/// is the one the provider called: `server.public_url` (or the Host header) with the request target.
class ChannelCallbackRoutes {
public:
    ChannelCallbackRoutes(const plugin_host::PluginHost& plugins, std::string publicUrl);

    void registerRoutes(Router& router);

private:
    void callback(HttpRequest& request, HttpResponse& response);

    const plugin_host::PluginHost& _plugins;
    const std::string _publicUrl;
};

} // namespace switchboard::core::http
