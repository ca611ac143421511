#pragma once

#include "core/auth/Caller.h"
#include "core/common/Clock.h"

#include <Poco/JSON/Object.h>

#include <switchboard/sdk/HttpClient.h>

#include <string>

namespace switchboard::core::handover {

/// "Test webhook" in the portal: sends a signed `webhook.test` event to a URL with a secret, through the same
/// guarded HTTP client and the same signature as real deliveries, and reports how the receiver answered.
class WebhookTester {
public:
    WebhookTester(sdk::HttpClient& http, const common::Clock& clock);

    /// Admins only. 422 naming `webhook_url` or `webhook_secret` when they are unusable (including an address the
    /// outbound policy refuses). A receiver that fails or does not answer is a result, not an error:
    /// `{ok, status_code, latency_ms, response_excerpt, error, webhook_id}`.
    Poco::JSON::Object::Ptr test(const auth::Caller& caller, const std::string& url, const std::string& secret);

private:
    sdk::HttpClient& _http;
    const common::Clock& _clock;
};

} // namespace switchboard::core::handover
