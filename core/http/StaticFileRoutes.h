#pragma once

#include "core/http/Router.h"
#include "core/http/StaticFileCache.h"

#include <string>

namespace switchboard::core::http {

/// The browser side of the hub, served from `server.web_root`:
///   GET /widget.js and /widget/{file}   the widget customers embed (any origin may load it)
///   GET /shared/{file}                  code the widget and the portal share (any origin may load it)
///   GET /demo                           a page that embeds the widget as a customer would
///   GET /portal and /portal/{file}      the agent portal
///   GET /                               redirects to the portal
/// Folders are flat: one checked file name after the folder, so no request reaches outside the web root.
/// Answers carry an ETag (304 on If-None-Match), gzip when the client accepts it, and `Cache-Control: no-cache`
/// so that browsers revalidate and a new release is picked up at once. Pages get a strict Content-Security-Policy.
class StaticFileRoutes {
public:
    explicit StaticFileRoutes(const std::string& webRoot) : _files(webRoot) {}
    void registerRoutes(Router& router);

private:
    /// How a file may be used by other sites.
    enum class Sharing { SameOrigin, AnyOrigin };

    void serve(const HttpRequest& request, HttpResponse& response, const std::string& folder,
               const std::string& name, Sharing sharing);

    StaticFileCache _files;
};

} // namespace switchboard::core::http
