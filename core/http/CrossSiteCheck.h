#pragma once

#include "core/http/HttpRequest.h"

namespace switchboard::core::http {

/// Refuses requests another site makes with the agent's session cookie. A browser sends the cookie with a form that
/// any page of the same site (another port of the same host, a sibling subdomain) submits, whatever SameSite says;
/// such a request must not change anything. What a browser says of where a request comes from decides: `Origin`
/// must be the hub's own, or, when a browser sends no Origin, `Sec-Fetch-Site` must be `same-origin` or `none` (typed
/// by the user). A request carrying neither header comes from no browser page and is admitted.
class CrossSiteCheck {
public:
    /// Throws 403 `cross_site_request` for a state-changing request (any method but GET, HEAD and OPTIONS) that did
    /// not come from the hub's own pages. For requests the session cookie authenticates; a bearer token is never
    /// sent by a browser on its own, so requests carrying one need no check.
    static void admitCookieRequest(const HttpRequest& request);
};

} // namespace switchboard::core::http
