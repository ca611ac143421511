#pragma once

#include "core/config/WidgetRegistry.h"
#include "core/http/HttpRequest.h"
#include "core/http/HttpResponse.h"
#include "core/http/RateLimiter.h"
#include "core/http/Router.h"

namespace switchboard::core::http {

/// Guards the public, browser-facing endpoints (`/api/widget/*`, `/api/handover/request`): answers CORS,
/// refuses foreign origins, and applies the per-IP request limit. Runs before routing; the routes then check
/// the origin against the one widget a request concerns with `admitOrigin`.
class WidgetGate {
public:
    /// `router` tells which public paths exist: only those answer a preflight.
    WidgetGate(const config::WidgetRegistry& widgets, RateLimiter& limiter, int requestsPerIpPerMinute,
               const Router& router);

    /// The pipeline filter: throws 403 / 429, and answers CORS preflight requests to a public path that has a
    /// route itself (returns true then); a preflight to any other path goes on to the router (404).
    bool filter(HttpRequest& request, HttpResponse& response) const;
    /// Throws 403 `origin_not_allowed` unless the request's Origin (if any) may use `widget`.
    static void admitOrigin(const HttpRequest& request, const config::WidgetConfig& widget);

    static bool isPublicPath(const std::string& path);
    /// True when `origin` is the hub's own (it names the request's Host): the hub's pages, not another site.
    static bool sameOrigin(const HttpRequest& request, const std::string& origin);

private:
    const config::WidgetRegistry& _widgets;
    RateLimiter& _limiter;
    const int _requestsPerIpPerMinute;
    const Router& _router;
};

} // namespace switchboard::core::http
