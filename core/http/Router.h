#pragma once

#include "core/http/HttpRequest.h"
#include "core/http/HttpResponse.h"

#include <functional>
#include <string>
#include <vector>

namespace switchboard::core::http {

using Handler = std::function<void(HttpRequest&, HttpResponse&)>;

/// Maps `METHOD /path/{param}/...` to handlers. Segments match literally except `{name}`, which captures one
/// non-empty segment into `HttpRequest::pathParams`.
class Router {
public:
    void add(const std::string& method, const std::string& pattern, Handler handler);

    struct Match {
        const Handler* handler = nullptr;
        /// True when some route has this path but not this method (→ 405).
        bool pathKnown = false;
        std::vector<std::string> allowedMethods;
    };
    Match match(HttpRequest& request) const;

private:
    struct Route {
        std::string method;
        std::vector<std::string> segments;
        Handler handler;
    };
    static std::vector<std::string> split(const std::string& path);

    std::vector<Route> _routes;
};

} // namespace switchboard::core::http
