#include "core/http/CrossSiteCheck.h"

#include "core/common/ApiError.h"
#include "core/http/WidgetGate.h"

#include <Poco/String.h>

namespace switchboard::core::http {

namespace {

bool isSafeMethod(const std::string& method) { return method == "GET" || method == "HEAD" || method == "OPTIONS"; }

bool fromOwnPages(const HttpRequest& request) {
    const std::string origin = request.header("Origin");
    if (!origin.empty()) return WidgetGate::sameOrigin(request, origin);
    const std::string site = Poco::toLower(request.header("Sec-Fetch-Site"));
    return site.empty() || site == "same-origin" || site == "none";
}

} // namespace

void CrossSiteCheck::admitCookieRequest(const HttpRequest& request) {
    if (isSafeMethod(request.method) || fromOwnPages(request)) return;
    throw common::ApiError(403, "cross_site_request",
                           "a request from another site may not use the session cookie to change anything");
}

} // namespace switchboard::core::http
