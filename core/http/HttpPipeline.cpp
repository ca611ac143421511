#include "core/http/HttpPipeline.h"

#include "core/common/ApiError.h"
#include "core/common/ApiErrorJson.h"
#include "core/store/Database.h"

#include <Poco/Logger.h>

namespace switchboard::core::http {

using common::ApiError;

namespace {

/// API answers are per-caller and live; only routes that say otherwise may be cached.
void forbidCaching(const HttpRequest& request, HttpResponse& response) {
    if (request.path.rfind("/api/", 0) == 0) response.setHeader("Cache-Control", "no-store");
}

} // namespace

void HttpPipeline::decorate(const HttpRequest& request, HttpResponse& response) const {
    if (_decorate) _decorate(request, response);
}

HttpResponse HttpPipeline::refusal(const HttpRequest& request, const ApiError& error) const {
    HttpResponse response;
    forbidCaching(request, response);
    decorate(request, response);
    writeError(response, error);
    if (const auto* limited = dynamic_cast<const common::RateLimited*>(&error))
        response.setHeader("Retry-After", std::to_string(limited->retryAfterS()));
    return response;
}

HttpResponse HttpPipeline::handle(HttpRequest& request) const {
    HttpResponse response;
    forbidCaching(request, response);
    try {
        dispatch(request, response);
    } catch (const ApiError& error) {
        writeError(response, error);
        if (const auto* limited = dynamic_cast<const common::RateLimited*>(&error))
            response.setHeader("Retry-After", std::to_string(limited->retryAfterS()));
    } catch (const store::DatabaseUnavailable& error) {
        Poco::Logger::get("http").error("database unavailable during %s %s: %s", request.method, request.path,
                                        std::string(error.what()));
        writeError(response, ApiError(503, "unavailable", "the database is unavailable; try again shortly"));
    } catch (const std::exception& error) {
        Poco::Logger::get("http").error("unhandled error in %s %s: %s", request.method, request.path,
                                        std::string(error.what()));
        writeError(response, ApiError(500, "internal_error", "an internal error occurred"));
    }
    return response;
}

void HttpPipeline::dispatch(HttpRequest& request, HttpResponse& response) const {
    if (_before && _before(request, response)) return;
    auto match = _router.match(request);
    if (!match.handler) {
        if (match.pathKnown) {
            std::string allow;
            for (const auto& method : match.allowedMethods) {
                allow += (allow.empty() ? "" : ", ") + method;
                if (method == "GET") allow += ", HEAD"; // answered as GET without its body
            }
            response.setHeader("Allow", allow);
            throw ApiError(405, "method_not_allowed", request.method + " is not allowed on " + request.path);
        }
        throw ApiError::notFound("route " + request.path);
    }
    (*match.handler)(request, response);
}

void HttpPipeline::writeError(HttpResponse& response, const ApiError& error) {
    response.json(error.status(), common::apiErrorJson(error));
}

} // namespace switchboard::core::http
