#include "core/http/AuthRoutes.h"

#include "core/common/Time.h"
#include "core/http/AgentJson.h"
#include "core/http/JsonBody.h"

namespace switchboard::core::http {

AuthRoutes::AuthRoutes(const AuthGuard& guard, auth::AuthService& auth, const config::AuthConfig& config)
    : _guard(guard), _auth(auth), _config(config) {}

void AuthRoutes::registerRoutes(Router& router) {
    router.add("POST", "/api/auth/login", [this](HttpRequest& req, HttpResponse& res) { login(req, res); });
    router.add("POST", "/api/auth/logout", [this](HttpRequest& req, HttpResponse& res) { logout(req, res); });
    router.add("GET", "/api/me", [this](HttpRequest& req, HttpResponse& res) { me(req, res); });
    router.add("POST", "/api/me/password", [this](HttpRequest& req, HttpResponse& res) { changePassword(req, res); });
}

void AuthRoutes::login(HttpRequest& request, HttpResponse& response) {
    const auto body = JsonBody::read(request);
    const auto email = body.requireString("email");
    const auto password = body.requireString("password");
    const auto result = _auth.login(email, password, request.clientIp, request.header("User-Agent"));

    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("token", result.token);
    json->set("expires_at", common::formatIso8601Ms(result.expiresAt));
    json->set("agent", AgentJson::toJson(result.agent));
    response.json(200, json);
    response.setHeader("Set-Cookie", sessionCookie(result.token, std::int64_t{_config.sessionTtlHours} * 3600));
}

void AuthRoutes::logout(HttpRequest& request, HttpResponse& response) {
    // Signing out always succeeds: a session that is already gone needs no revoking.
    if (const auto token = AuthGuard::tokenOf(request)) _auth.logout(auth::AuthService::hashToken(*token));
    response.noContent();
    response.setHeader("Set-Cookie", sessionCookie("", 0));
}

void AuthRoutes::me(HttpRequest& request, HttpResponse& response) {
    response.json(200, AgentJson::toJson(_guard.require(request).agent));
}

void AuthRoutes::changePassword(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    const auto body = JsonBody::read(request);
    _auth.changePassword(caller, body.requireString("current_password"), body.requireString("new_password"));
    response.noContent();
}

std::string AuthRoutes::sessionCookie(const std::string& token, std::int64_t maxAgeS) const {
    std::string cookie = std::string(AuthGuard::kSessionCookie) + "=" + token +
                         "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(maxAgeS);
    if (_config.cookieSecure) cookie += "; Secure";
    return cookie;
}

} // namespace switchboard::core::http
