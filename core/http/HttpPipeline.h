#pragma once

#include "core/http/HttpRequest.h"
#include "core/http/HttpResponse.h"
#include "core/http/Router.h"

#include <functional>
#include <string>

namespace switchboard::core::common {
class ApiError;
}

namespace switchboard::core::http {

/// Turns a request into a response: runs the `before` filter (CORS, public rate limits), dispatches to the
/// route, and converts every exception into the JSON error body. Nothing here knows about sockets.
class HttpPipeline {
public:
    /// Runs before routing; may add headers to the response, throw an ApiError to refuse the request, or
    /// answer it entirely (returns true: the route is not called).
    using Filter = std::function<bool(HttpRequest&, HttpResponse&)>;

    /// Adds to any answer the headers it carries whatever it says (CORS for a widget's page).
    using Decorate = std::function<void(const HttpRequest&, HttpResponse&)>;

    HttpPipeline(const Router& router, Filter before, Decorate decorate)
        : _router(router), _before(std::move(before)), _decorate(std::move(decorate)) {}

    HttpResponse handle(HttpRequest& request) const;
    /// The answer to a request refused before it could reach the routes (too large, too slow, malformed, no thread
    /// free), with the headers every answer carries.
    HttpResponse refusal(const HttpRequest& request, const common::ApiError& error) const;
    /// Adds the headers every answer carries to one made outside the routes.
    void decorate(const HttpRequest& request, HttpResponse& response) const;

    static void writeError(HttpResponse& response, const common::ApiError& error);

private:
    void dispatch(HttpRequest& request, HttpResponse& response) const;

    const Router& _router;
    Filter _before;
    Decorate _decorate;
};

} // namespace switchboard::core::http
