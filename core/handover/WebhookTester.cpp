#include "core/handover/WebhookTester.h"

#include "core/common/ApiError.h"
#include "core/common/JsonValues.h"
#include "core/common/SecureRandom.h"
#include "core/common/Time.h"
#include "core/handover/DeliveryLedger.h"

#include <Poco/JSON/Stringifier.h>
#include <Poco/URI.h>

#include <switchboard/sdk/Webhook.h>

#include <algorithm>
#include <sstream>

namespace switchboard::core::handover {

using common::ApiError;

WebhookTester::WebhookTester(sdk::HttpClient& http, const common::Clock& clock, const config::WidgetRegistry& widgets)
    : _http(http), _clock(clock), _widgets(widgets) {}

Poco::JSON::Object::Ptr WebhookTester::testSaved(const auth::Caller& caller, const std::string& widgetId,
                                                 const std::string& methodName, const std::optional<std::string>& url) {
    if (!caller.agent.isAdmin()) throw ApiError::forbidden("only an admin may test webhooks");
    const auto widget = _widgets.find(widgetId);
    if (!widget) throw ApiError::notFound("widget");
    const auto& methods = widget->handover.methods;
    const auto method = std::find_if(methods.begin(), methods.end(), [&](const auto& m) { return m.name == methodName; });
    if (method == methods.end()) throw ApiError::notFound("handover method");
    const auto setting = [&](const std::string& name) {
        const auto found = method->settings.find(name);
        return found == method->settings.end() ? std::string() : found->second;
    };
    const auto secret = setting("secret");
    if (secret.empty())
        throw ApiError::invalid("validation_failed", "the method " + methodName + " has no saved secret", "webhook_secret");
    return test(caller, url.value_or(setting("url")), secret);
}

Poco::JSON::Object::Ptr WebhookTester::test(const auth::Caller& caller, const std::string& url,
                                            const std::string& secret) {
    if (!caller.agent.isAdmin()) throw ApiError::forbidden("only an admin may test webhooks");
    try {
        const Poco::URI uri(url);
        if ((uri.getScheme() != "http" && uri.getScheme() != "https") || uri.getHost().empty())
            throw ApiError::invalid("validation_failed", "webhook_url must be an http:// or https:// URL", "webhook_url");
    } catch (const Poco::SyntaxException&) {
        throw ApiError::invalid("validation_failed", "webhook_url is not a valid URL", "webhook_url");
    }
    std::optional<sdk::WebhookSecret> key;
    try {
        key = sdk::WebhookSecret::parse(secret);
    } catch (const sdk::Error& e) {
        throw ApiError::invalid("validation_failed", e.what(), "webhook_secret");
    }

    const auto now = _clock.nowMs();
    const auto webhookId = "test_" + common::SecureRandom::uuid4();
    Poco::JSON::Object event;
    event.set("event", "webhook.test");
    event.set("timestamp", common::formatIso8601Ms(now));
    event.set("message", "A test event from Switchboard: if you can read this, your receiver works.");
    std::ostringstream body;
    Poco::JSON::Stringifier::condense(event, body);

    sdk::HttpRequest request;
    request.url = url;
    request.body = body.str();
    request.headers = sdk::WebhookSignature::headers(*key, webhookId, now / 1000, request.body);
    request.headers.emplace_back("Content-Type", "application/json");

    Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
    result->set("webhook_id", webhookId);
    try {
        const auto response = _http.send(request);
        result->set("ok", response.status >= 200 && response.status < 300);
        result->set("status_code", response.status);
        result->set("latency_ms", response.elapsedMs);
        result->set("response_excerpt", DeliveryLedger::excerpt(response.body));
        result->set("error", Poco::Dynamic::Var());
    } catch (const sdk::HttpError& e) {
        if (e.kind() == sdk::HttpError::Kind::Refused)
            throw ApiError::invalid("validation_failed", std::string("webhook_url: ") + e.what(), "webhook_url");
        result->set("ok", false);
        result->set("status_code", Poco::Dynamic::Var());
        result->set("latency_ms", Poco::Dynamic::Var());
        result->set("response_excerpt", Poco::Dynamic::Var());
        result->set("error", std::string(e.what()));
    }
    return result;
}

} // namespace switchboard::core::handover
