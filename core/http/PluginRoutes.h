#pragma once

#include "core/http/AuthGuard.h"
#include "core/http/Router.h"
#include "core/plugin_host/PluginHost.h"

namespace switchboard::core::http {

/// The loaded channel plugins and the instances running on each: `GET /api/plugins`, for admins.
class PluginRoutes {
public:
    PluginRoutes(const AuthGuard& guard, const plugin_host::PluginHost& plugins);

    void registerRoutes(Router& router);

private:
    void list(HttpRequest& request, HttpResponse& response);

    const AuthGuard& _guard;
    const plugin_host::PluginHost& _plugins;
};

} // namespace switchboard::core::http
