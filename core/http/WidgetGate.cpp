#include "core/http/WidgetGate.h"

#include "core/common/ApiError.h"

#include <Poco/String.h>
#include <Poco/URI.h>

namespace switchboard::core::http {

namespace {

common::ApiError originRefused(const std::string& origin) {
    return {403, "origin_not_allowed", "requests from " + origin + " are not allowed for this widget"};
}

} // namespace

WidgetGate::WidgetGate(const config::WidgetRegistry& widgets, limits::RateLimiter& limiter,
                       int requestsPerIpPerMinute, const Router& router)
    : _widgets(widgets), _limiter(limiter), _requestsPerIpPerMinute(requestsPerIpPerMinute), _router(router) {}

bool WidgetGate::isPublicPath(const std::string& path) {
    return path.rfind("/api/widget/", 0) == 0 || path == "/api/handover/request" || path.rfind("/socket.io/", 0) == 0;
}

bool WidgetGate::sameOrigin(const HttpRequest& request, const std::string& origin) {
    try {
        Poco::URI uri(origin);
        std::string authority = uri.getHost();
        if (uri.getSpecifiedPort() != 0) authority += ":" + std::to_string(uri.getSpecifiedPort());
        const std::string host = request.header("Host");
        return !host.empty() && Poco::icompare(host, authority) == 0;
    } catch (const Poco::Exception&) {
        return false;
    }
}

void WidgetGate::admitOrigin(const HttpRequest& request, const config::WidgetConfig& widget) {
    const std::string origin = request.header("Origin");
    if (origin.empty() || sameOrigin(request, origin)) return;
    if (!config::WidgetRegistry::originAllowed(widget, origin)) throw originRefused(origin);
}

void WidgetGate::allowOrigin(const HttpRequest& request, HttpResponse& response) const {
    const std::string origin = request.header("Origin");
    if (!isPublicPath(request.path) || origin.empty() || sameOrigin(request, origin) ||
        !_widgets.originAllowedByAny(origin))
        return;
    response.setHeader("Access-Control-Allow-Origin", origin);
    response.setHeader("Vary", "Origin");
    response.setHeader("Access-Control-Expose-Headers", "Retry-After");
}

bool WidgetGate::filter(HttpRequest& request, HttpResponse& response) const {
    if (!isPublicPath(request.path)) return false;
    const std::string origin = request.header("Origin");
    if (!origin.empty() && !sameOrigin(request, origin) && !_widgets.originAllowedByAny(origin))
        throw originRefused(origin);
    allowOrigin(request, response);
    if (request.method == "OPTIONS" && _router.match(request).pathKnown) {
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
        response.setHeader("Access-Control-Max-Age", "600");
        response.noContent();
        return true;
    }
    const auto decision = _limiter.hit(addressKey(request.clientIp), _requestsPerIpPerMinute, 60);
    if (!decision.allowed) throw common::RateLimited(decision.retryAfterS, "too many requests from this address");
    return false;
}

} // namespace switchboard::core::http
