#include "core/http/AuthGuard.h"

#include "core/common/ApiError.h"
#include "core/http/CrossSiteCheck.h"

namespace switchboard::core::http {

auth::Caller AuthGuard::require(const HttpRequest& request) const {
    const auto token = tokenOf(request);
    if (token) {
        if (auto caller = _auth.authenticate(*token)) return std::move(*caller);
    }
    throw common::ApiError::unauthorized("a valid agent session is required");
}

std::optional<std::string> AuthGuard::tokenOf(const HttpRequest& request) {
    if (auto bearer = request.bearerToken()) return bearer;
    auto cookie = request.cookie(kSessionCookie);
    if (!cookie || cookie->empty()) return std::nullopt;
    CrossSiteCheck::admitCookieRequest(request);
    return cookie;
}

} // namespace switchboard::core::http
