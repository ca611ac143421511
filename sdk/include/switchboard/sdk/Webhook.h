#pragma once

#include "switchboard/sdk/DeliveryResult.h"
#include "switchboard/sdk/HttpClient.h"

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::sdk {

/// A webhook signing key. Standard Webhooks writes it as `whsec_<base64 of the key>`; an operator may also give
/// any other string of at least 16 characters, whose bytes are then the key.
class WebhookSecret {
public:
    static constexpr std::size_t MinKeyBytes = 16;

    /// Throws Error (never echoing the secret) when it is too short or its base64 is malformed.
    static WebhookSecret parse(const std::string& text);
    const std::string& key() const { return _key; }

private:
    explicit WebhookSecret(std::string key) : _key(std::move(key)) {}
    std::string _key;
};

/// Signing and checking webhooks as Standard Webhooks (https://www.standardwebhooks.com) specifies, plus the
/// hub's simple header for verifiers that only do HMAC over the body.
class WebhookSignature {
public:
    /// `webhook-id`, `webhook-timestamp` (seconds), `webhook-signature: v1,<base64 HMAC-SHA256 of
    /// "id.timestamp.body">` and `X-Switchboard-Signature: sha256=<hex HMAC-SHA256 of body>`.
    static Headers headers(const WebhookSecret& secret, const std::string& id, std::int64_t timestampS,
                           const std::string& body);
    /// The `v1,...` value alone.
    static std::string v1(const WebhookSecret& secret, const std::string& id, std::int64_t timestampS,
                          const std::string& body);
    /// True when one of the space-separated signatures in `signatureHeader` is the right v1 signature and the
    /// timestamp is within `toleranceS` of `nowS`. Comparisons are constant-time.
    static bool verify(const WebhookSecret& secret, const std::string& id, const std::string& timestampHeader,
                       const std::string& signatureHeader, const std::string& body, std::int64_t nowS,
                       std::int64_t toleranceS = 300);
};

/// What an HTTP answer means for a delivery, the same for every channel that calls an HTTP API:
/// 2xx delivered; 408, 425, 429 and 5xx retried (honouring `Retry-After`, in seconds or as an HTTP date);
/// 410 failed for good as "gone"; 3xx failed (redirects are not followed); any other 4xx failed.
DeliveryResult resultOfHttpAnswer(const HttpResponse& response, std::int64_t nowMs, const std::string& destination);

/// What an HttpError means for a delivery: refused → failed; connect, timeout, transfer → retried.
DeliveryResult resultOfHttpError(const HttpError& error, const std::string& destination);

/// `Retry-After` as milliseconds from `nowMs`: delta-seconds or an IMF-fixdate; nullopt when malformed. A date in
/// the past is 0.
std::optional<std::int64_t> parseRetryAfter(const std::string& value, std::int64_t nowMs);

} // namespace switchboard::sdk
