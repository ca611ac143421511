#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::sdk {

/// What became of one attempt.
struct DeliveryResult {
    enum class Outcome {
        /// The destination accepted it.
        Delivered,
        /// Try again later (a timeout, a 5xx, a 429, nobody online yet); the host backs off and retries until the
        /// widget's max_attempts.
        Retry,
        /// Retrying cannot help (a 4xx other than 408/429, a redirect, a 410 "gone", bad settings).
        Failed,
    };

    Outcome outcome = Outcome::Failed;
    /// A short explanation for the operator, e.g. "HTTP 503 from crm.example.com". Never a secret.
    std::string detail;
    /// The provider's HTTP status code, when there was an answer.
    std::optional<int> statusCode;
    /// The start of the provider's answer; the host caps what it stores.
    std::string responseExcerpt;
    /// The provider's id for what was sent (a message SID), when it gives one.
    std::string providerId;
    /// What later deliveries of the same conversation to this channel instance should continue (an email
    /// Message-ID, a provider's conversation id); the host keeps the latest one given and hands it back as
    /// `Delivery::threadReference`. Empty keeps the one stored.
    std::string threadReference;
    /// The provider asked to wait this long before the next try (`Retry-After`); wins over the host's backoff.
    std::optional<std::int64_t> retryAfterMs;
    /// The destination confirmed that a person took the conversation: the handover is complete, not only notified.
    bool completed = false;

    static DeliveryResult delivered(std::string detail = {});
    static DeliveryResult retry(std::string detail);
    static DeliveryResult failed(std::string detail);
};

} // namespace switchboard::sdk
