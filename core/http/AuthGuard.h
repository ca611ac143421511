#pragma once

#include "core/auth/AuthService.h"
#include "core/auth/Caller.h"
#include "core/http/HttpRequest.h"

#include <optional>
#include <string>

namespace switchboard::core::http {

/// Admits agent requests: the session token comes from `Authorization: Bearer` or, failing that, the
/// `sb_session` cookie, which a state-changing request may only use from the hub's own pages (CrossSiteCheck).
class AuthGuard {
public:
    static constexpr const char* kSessionCookie = "sb_session";

    explicit AuthGuard(auth::AuthService& auth) : _auth(auth) {}

    /// Throws 401 `unauthorized` unless the request carries a current session of an active agent.
    auth::Caller require(const HttpRequest& request) const;

    /// The session token a request carries, valid or not. Throws 403 `cross_site_request` when it is the cookie of
    /// a state-changing request from another site.
    static std::optional<std::string> tokenOf(const HttpRequest& request);

private:
    auth::AuthService& _auth;
};

} // namespace switchboard::core::http
