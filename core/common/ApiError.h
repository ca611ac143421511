#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace switchboard::core::common {

/// A failure the caller can act on, raised anywhere in the core and turned into a response at the edge
/// (HTTP status + `{"error": {"code", "message", "field"}}`, or a socket acknowledgement with the same body).
class ApiError : public std::runtime_error {
public:
    ApiError(int status, std::string code, const std::string& message, std::optional<std::string> field = {})
        : std::runtime_error(message), _status(status), _code(std::move(code)), _field(std::move(field)) {}

    int status() const { return _status; }
    const std::string& code() const { return _code; }
    const std::optional<std::string>& field() const { return _field; }

    static ApiError badRequest(const std::string& code, const std::string& message,
                               std::optional<std::string> field = {}) {
        return {400, code, message, std::move(field)};
    }
    static ApiError unauthorized(const std::string& message = "a valid session or visitor token is required") {
        return {401, "unauthorized", message};
    }
    static ApiError forbidden(const std::string& message) { return {403, "forbidden", message}; }
    static ApiError notFound(const std::string& what) { return {404, "not_found", what + " not found"}; }
    static ApiError conflict(const std::string& code, const std::string& message,
                             std::optional<std::string> field = {}) {
        return {409, code, message, std::move(field)};
    }
    static ApiError invalid(const std::string& code, const std::string& message, std::optional<std::string> field = {}) {
        return {422, code, message, std::move(field)};
    }
    /// A channel plugin that did not answer a call the request waits for (a handover method's Test) in time.
    static ApiError channelTimeout(const std::string& message) { return {504, "channel_timeout", message}; }

private:
    int _status;
    std::string _code;
    std::optional<std::string> _field;
};

/// Refused by a rate limit; the edge adds `Retry-After`.
class RateLimited : public ApiError {
public:
    RateLimited(int retryAfterS, const std::string& message)
        : ApiError(429, "rate_limited", message), _retryAfterS(retryAfterS) {}
    int retryAfterS() const { return _retryAfterS; }

private:
    int _retryAfterS;
};

} // namespace switchboard::core::common
