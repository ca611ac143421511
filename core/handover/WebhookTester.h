#pragma once

#include "core/auth/Caller.h"
#include "core/common/Clock.h"
#include "core/config/WidgetRegistry.h"

#include <Poco/JSON/Object.h>

#include <switchboard/sdk/HttpClient.h>

#include <optional>
#include <string>

namespace switchboard::core::handover {

/// "Test webhook" in the portal: sends a signed `webhook.test` event to a URL with a secret, through the same
/// guarded HTTP client and the same signature as real deliveries, and reports how the receiver answered.
class WebhookTester {
public:
    WebhookTester(sdk::HttpClient& http, const common::Clock& clock, const config::WidgetRegistry& widgets);

    /// Admins only. 422 naming `webhook_url` or `webhook_secret` when they are unusable (including an address the
    /// outbound policy refuses). A receiver that fails or does not answer is a result, not an error:
    /// `{ok, status_code, latency_ms, response_excerpt, error, webhook_id}`.
    Poco::JSON::Object::Ptr test(const auth::Caller& caller, const std::string& url, const std::string& secret);
    /// The same, signed with the secret saved for a widget's handover method, which the API never shows again: to
    /// the method's saved `url`, or to `url` when given (one being edited). 404 `not_found` for an unknown widget
    /// or method; 422 naming `webhook_secret` when the method has no secret.
    Poco::JSON::Object::Ptr testSaved(const auth::Caller& caller, const std::string& widgetId,
                                      const std::string& methodName, const std::optional<std::string>& url);

private:
    sdk::HttpClient& _http;
    const common::Clock& _clock;
    const config::WidgetRegistry& _widgets;
};

} // namespace switchboard::core::handover
