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

    HttpPipeline(const Router& router, Filter before) : _router(router), _before(std::move(before)) {}

    HttpResponse handle(HttpRequest& request) const;

    static void writeError(HttpResponse& response, const common::ApiError& error);

private:
    void dispatch(HttpRequest& request, HttpResponse& response) const;

    const Router& _router;
    Filter _before;
};

} // namespace switchboard::core::http
