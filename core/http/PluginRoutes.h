#pragma once

#include "core/http/AuthGuard.h"
#include "core/http/Router.h"
#include "core/plugin_host/InboundRefusals.h"
#include "core/plugin_host/PluginHost.h"

namespace switchboard::core::http {

/// The loaded channel plugins and the instances running on each (`GET /api/plugins`), and the inbound messages each
/// instance had refused since the hub started (`GET /api/channels/inbound-refusals`); for admins.
class PluginRoutes {
public:
    PluginRoutes(const AuthGuard& guard, const plugin_host::PluginHost& plugins,
                 const plugin_host::InboundRefusals& refusals);

    void registerRoutes(Router& router);

private:
    void list(HttpRequest& request, HttpResponse& response);
    void inboundRefusals(HttpRequest& request, HttpResponse& response);

    const AuthGuard& _guard;
    const plugin_host::PluginHost& _plugins;
    const plugin_host::InboundRefusals& _refusals;
};

} // namespace switchboard::core::http
