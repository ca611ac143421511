#include "core/http/WebhookTestRoute.h"

#include "core/common/ApiError.h"
#include "core/http/JsonBody.h"

namespace switchboard::core::http {

namespace {

/// The webhook channel's names of its method settings, and the first API's names for them.
const std::map<std::string, std::string> FirstApiNames{{"url", "webhook_url"}, {"secret", "webhook_secret"}};

/// A refusal naming `settings.url` names `webhook_url`, as the first API did.
common::ApiError inFirstApiWords(const common::ApiError& error) {
    if (!error.field() || !error.field()->starts_with("settings.")) return error;
    const auto found = FirstApiNames.find(error.field()->substr(9));
    if (found == FirstApiNames.end()) return error;
    return common::ApiError(error.status(), error.code(), error.what(), found->second);
}

} // namespace

WebhookTestRoute::WebhookTestRoute(const AuthGuard& guard, const handover::MethodTester& methodTester,
                                   std::string webhookChannel)
    : _guard(guard), _methodTester(methodTester), _webhookChannel(std::move(webhookChannel)) {}

void WebhookTestRoute::registerRoutes(Router& router) {
    router.add("POST", "/api/handover/test-webhook", [this](auto& req, auto& res) { test(req, res); });
}

void WebhookTestRoute::test(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    const auto body = JsonBody::read(request);
    sdk::Settings settings;
    for (const auto& [setting, firstApiName] : FirstApiNames) {
        if (auto value = body.optString(firstApiName)) settings[setting] = std::move(*value);
    }
    Poco::JSON::Object::Ptr result;
    try {
        if (const auto widgetId = body.optString("widget_id")) {
            result = _methodTester.testSaved(caller, *widgetId, body.requireString("method"), settings);
        } else {
            body.requireString("webhook_url");
            body.requireString("webhook_secret");
            if (_webhookChannel.empty()) throw common::ApiError::notFound("webhook channel");
            result = _methodTester.testNew(caller, _webhookChannel, settings);
        }
    } catch (const common::ApiError& error) {
        throw inFirstApiWords(error);
    }
    result->set("webhook_id", result->get("reference"));
    result->set("error", result->getValue<bool>("ok") ? Poco::Dynamic::Var() : result->get("detail"));
    response.json(200, result);
}

} // namespace switchboard::core::http
