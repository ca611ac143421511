#include "core/http/Router.h"

#include <map>

namespace switchboard::core::http {

void Router::add(const std::string& method, const std::string& pattern, Handler handler) {
    _routes.push_back({method, split(pattern), std::move(handler)});
}

Router::Match Router::match(HttpRequest& request) const {
    const auto segments = split(request.path);
    Match result;
    for (const auto& route : _routes) {
        if (route.segments.size() != segments.size()) continue;
        std::map<std::string, std::string> params;
        bool matches = true;
        for (std::size_t i = 0; i < segments.size() && matches; ++i) {
            const auto& expected = route.segments[i];
            if (expected.size() > 2 && expected.front() == '{' && expected.back() == '}')
                params[expected.substr(1, expected.size() - 2)] = segments[i];
            else
                matches = expected == segments[i];
        }
        if (!matches) continue;
        result.pathKnown = true;
        result.allowedMethods.push_back(route.method);
        if (route.method == request.method && !result.handler) {
            result.handler = &route.handler;
            request.pathParams = std::move(params);
        }
    }
    return result;
}

std::vector<std::string> Router::split(const std::string& path) {
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        auto end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        if (end > start) segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

} // namespace switchboard::core::http
