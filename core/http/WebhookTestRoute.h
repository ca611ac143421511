#pragma once

#include "core/handover/MethodTester.h"
#include "core/http/AuthGuard.h"
#include "core/http/Router.h"

#include <string>

namespace switchboard::core::http {

/// `POST /api/handover/test-webhook`, the first API's test of a webhook method (deprecated): the test that
/// `POST /api/handover/test` runs, of the webhook channel, in that API's words. The request names the webhook's
/// settings `webhook_url` and `webhook_secret` (or a widget's saved method); the answer calls the reference
/// `webhook_id` and the reason it failed `error`. Kept so that what was written against it goes on working.
class WebhookTestRoute {
public:
    /// `webhookChannel`: the channel instance on the `webhook` plugin that a test with a URL and secret goes to;
    /// empty when the hub has none (such a test is then 404).
    WebhookTestRoute(const AuthGuard& guard, const handover::MethodTester& methodTester, std::string webhookChannel);

    void registerRoutes(Router& router);

private:
    void test(HttpRequest& request, HttpResponse& response);

    const AuthGuard& _guard;
    const handover::MethodTester& _methodTester;
    const std::string _webhookChannel;
};

} // namespace switchboard::core::http
