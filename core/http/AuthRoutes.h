#pragma once

#include "core/auth/AuthService.h"
#include "core/config/HubConfig.h"
#include "core/http/AuthGuard.h"
#include "core/http/Router.h"

namespace switchboard::core::http {

/// Signing in and out, and the signed-in agent's own account: `/api/auth/*` and `/api/me*`.
class AuthRoutes {
public:
    AuthRoutes(const AuthGuard& guard, auth::AuthService& auth, const config::AuthConfig& config);

    void registerRoutes(Router& router);

private:
    void login(HttpRequest& request, HttpResponse& response);
    void logout(HttpRequest& request, HttpResponse& response);
    void me(HttpRequest& request, HttpResponse& response);
    void changePassword(HttpRequest& request, HttpResponse& response);
    /// `Set-Cookie` for the session cookie holding `token` for `maxAgeS` seconds (0 clears it).
    std::string sessionCookie(const std::string& token, std::int64_t maxAgeS) const;

    const AuthGuard& _guard;
    auth::AuthService& _auth;
    const config::AuthConfig _config;
};

} // namespace switchboard::core::http
