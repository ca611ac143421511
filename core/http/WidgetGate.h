#pragma once

#include "core/config/WidgetRegistry.h"
#include "core/http/HttpRequest.h"
#include "core/http/HttpResponse.h"
#include "core/limits/RateLimiter.h"
#include "core/http/Router.h"

namespace switchboard::core::http {

/// Guards the public, browser-facing endpoints (`/api/widget/*`, `/api/handover/request`; for `/socket.io/`
/// long-polling only the CORS headers): answers CORS, refuses foreign origins, and applies the per-IP request
/// limit. Runs before routing; the routes then check the origin against the one widget a request concerns with
/// `admitOrigin`.
class WidgetGate {
public:
    /// `router` tells which public paths exist: only those answer a preflight.
    WidgetGate(const config::WidgetRegistry& widgets, limits::RateLimiter& limiter, int requestsPerIpPerMinute,
               const Router& router);

    /// The pipeline filter: throws 403 / 429, and answers CORS preflight requests to a public path that has a
    /// route itself (returns true then); a preflight to any other path goes on to the router (404).
    bool filter(HttpRequest& request, HttpResponse& response) const;
    /// Adds the CORS headers that let a widget's page read an answer to a public endpoint, when its origin is one
    /// that some widget allows. Never refuses: also for answers the transport gives (413, 408).
    void allowOrigin(const HttpRequest& request, HttpResponse& response) const;
    /// Throws 403 `origin_not_allowed` unless the request's Origin (if any) may use `widget`.
    static void admitOrigin(const HttpRequest& request, const config::WidgetConfig& widget);

    static bool isPublicPath(const std::string& path);
    /// The key under which the per-IP limit counts a client's requests (its socket events too).
    static std::string addressKey(const std::string& clientIp) { return "public:" + clientIp; }
    /// True when `origin` is the hub's own (it names the request's Host): the hub's pages, not another site.
    static bool sameOrigin(const HttpRequest& request, const std::string& origin);

private:
    const config::WidgetRegistry& _widgets;
    limits::RateLimiter& _limiter;
    const int _requestsPerIpPerMinute;
    const Router& _router;
};

} // namespace switchboard::core::http
