#include "switchboard/sdk/Webhook.h"

namespace switchboard::sdk {

namespace {

constexpr std::size_t ExcerptBytes = 512;

/// The host part of `destination`, which may be a bare host name or a whole URL: never its user, password, port,
/// path or query, any of which may carry a credential.
std::string hostOf(const std::string& destination) {
    std::string_view host = destination;
    if (const std::size_t scheme = host.find("://"); scheme != std::string_view::npos) host.remove_prefix(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#"));
    if (const std::size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
    if (host.starts_with('[')) {
        if (const std::size_t close = host.find(']'); close != std::string_view::npos) host = host.substr(0, close + 1);
    } else {
        host = host.substr(0, host.find(':'));
    }
    return std::string(host);
}

bool isRetriableClientError(int status) { return status == 408 || status == 425 || status == 429; }

} // namespace

DeliveryResult resultOfHttpAnswer(const HttpResponse& response, std::int64_t nowMs, const std::string& destination) {
    const int status = response.status;
    const std::string answer = "HTTP " + std::to_string(status) + " from " + hostOf(destination);
    DeliveryResult result;
    if (status >= 200 && status < 300) {
        result = DeliveryResult::delivered(answer);
    } else if (status >= 300 && status < 400) {
        result = DeliveryResult::failed(answer + ": redirects are not followed");
    } else if (status == 410) {
        result = DeliveryResult::failed(answer + ": the endpoint is gone");
    } else if (status >= 400 && status < 500 && !isRetriableClientError(status)) {
        result = DeliveryResult::failed(answer);
    } else {
        // 408, 425, 429, 5xx, and a status outside HTTP's classes, which only a broken server sends.
        result = DeliveryResult::retry(answer);
        if (const auto retryAfter = response.header("Retry-After")) {
            result.retryAfterMs = parseRetryAfter(*retryAfter, nowMs);
        }
    }
    result.statusCode = status;
    result.responseExcerpt = response.body.substr(0, ExcerptBytes);
    return result;
}

DeliveryResult resultOfHttpError(const HttpError& error, const std::string& destination) {
    const std::string host = hostOf(destination);
    const std::string reason = error.what();
    switch (error.kind()) {
    case HttpError::Kind::Refused:
        return DeliveryResult::failed("request to " + host + " refused: " + reason);
    case HttpError::Kind::Connect:
        return DeliveryResult::retry("could not connect to " + host + ": " + reason);
    case HttpError::Kind::Timeout:
        return DeliveryResult::retry("timed out calling " + host + ": " + reason);
    case HttpError::Kind::Transfer:
        break;
    }
    return DeliveryResult::retry("transfer with " + host + " failed: " + reason);
}

} // namespace switchboard::sdk
