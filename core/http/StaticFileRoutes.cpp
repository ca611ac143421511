#include "core/http/StaticFileRoutes.h"

#include "core/common/ApiError.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace switchboard::core::http {

namespace {

// Pages load scripts, styles and sockets from the hub only; no inline code, no framing by other sites.
const std::string PageSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; "
                                       "connect-src 'self' ws: wss:; img-src 'self' data:; "
                                       "media-src 'self' data: blob:; frame-ancestors 'none'; base-uri 'none'; "
                                       "form-action 'self'";

const std::map<std::string, std::string>& contentTypes() {
    static const std::map<std::string, std::string> types = {
        {".js", "text/javascript; charset=utf-8"},   {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},         {".html", "text/html; charset=utf-8"},
        {".svg", "image/svg+xml"},                   {".png", "image/png"},
        {".ico", "image/x-icon"},                    {".json", "application/json"},
        {".woff2", "font/woff2"},                    {".map", "application/json"},
    };
    return types;
}

/// The content type of a servable file name, or empty when the name may not be served: only letters, digits,
/// '.', '_' and '-', no leading dot, and a known extension.
std::string contentTypeOf(const std::string& name) {
    if (name.empty() || name.front() == '.') return {};
    const bool plain = std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '.' || c == '_' || c == '-';
    });
    const auto dot = name.rfind('.');
    if (!plain || dot == std::string::npos) return {};
    const auto type = contentTypes().find(name.substr(dot));
    return type == contentTypes().end() ? std::string() : type->second;
}

bool acceptsGzip(const HttpRequest& request) {
    // Good enough for real clients: none sends "gzip;q=0" to refuse it.
    return request.header("Accept-Encoding").find("gzip") != std::string::npos;
}

} // namespace

void StaticFileRoutes::registerRoutes(Router& router) {
    router.add("GET", "/", [](HttpRequest&, HttpResponse& response) {
        response.status = 302;
        response.contentType.clear();
        response.setHeader("Location", "/portal");
    });
    router.add("GET", "/widget.js", [this](HttpRequest& request, HttpResponse& response) {
        serve(request, response, "widget", "widget.js", Sharing::AnyOrigin);
    });
    router.add("GET", "/demo", [this](HttpRequest& request, HttpResponse& response) {
        serve(request, response, "widget", "demo.html", Sharing::SameOrigin);
    });
    router.add("GET", "/portal", [this](HttpRequest& request, HttpResponse& response) {
        serve(request, response, "portal", "index.html", Sharing::SameOrigin);
    });
    const std::pair<const char*, Sharing> folders[] = {
        {"widget", Sharing::AnyOrigin}, {"shared", Sharing::AnyOrigin}, {"portal", Sharing::SameOrigin}};
    for (const auto& [folder, sharing] : folders) {
        router.add("GET", std::string("/") + folder + "/{file}",
                   [this, folder = std::string(folder), sharing = sharing](HttpRequest& request, HttpResponse& response) {
                       serve(request, response, folder, request.pathParam("file"), sharing);
                   });
    }
}

void StaticFileRoutes::serve(const HttpRequest& request, HttpResponse& response, const std::string& folder,
                             const std::string& name, Sharing sharing) {
    const auto type = contentTypeOf(name);
    const auto file = type.empty() ? nullptr : _files.get(folder + "/" + name);
    if (!file) throw common::ApiError::notFound("file " + request.path);

    response.setHeader("ETag", file->etag);
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Vary", "Accept-Encoding");
    if (sharing == Sharing::AnyOrigin) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    }
    if (type.rfind("text/html", 0) == 0) {
        response.setHeader("Content-Security-Policy", PageSecurityPolicy);
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    }
    if (request.header("If-None-Match") == file->etag) {
        response.status = 304;
        response.contentType.clear();
        return;
    }
    response.status = 200;
    response.contentType = type;
    if (!file->gzipped.empty() && acceptsGzip(request)) {
        response.setHeader("Content-Encoding", "gzip");
        response.body = file->gzipped;
    } else {
        response.body = file->body;
    }
}

} // namespace switchboard::core::http
