#pragma once

#include "core/auth/Caller.h"
#include "core/config/WidgetRegistry.h"

#include <switchboard/sdk/Settings.h>
#include <switchboard/sdk/TestResult.h>

#include <Poco/JSON/Object.h>

#include <functional>
#include <optional>
#include <string>

namespace switchboard::core::handover {

/// "Test" in the portal's handover-method form: has the method's channel send a harmless message with the method's
/// settings (`sdk::Channel::test`; the webhook channel POSTs a signed `webhook.test` event) and reports how the
/// destination answered. The hub knows no channel's settings: it only hands them over.
class MethodTester {
public:
    /// Runs the test of the channel instance `channel`; nullopt when there is no such instance. May throw ApiError
    /// 504 `channel_timeout` for a channel that does not answer in time.
    using RunTest = std::function<std::optional<sdk::TestResult>(const std::string& channel,
                                                                 const sdk::Settings& methodSettings)>;

    MethodTester(const config::WidgetRegistry& widgets, RunTest runTest);

    /// Admins only. Tests a widget's saved method with its saved settings, each of `changes` replacing the saved
    /// value of its key unless it is the mask the API shows secrets as (then the saved secret is used). 404
    /// `not_found` for an unknown widget or method.
    Poco::JSON::Object::Ptr testSaved(const auth::Caller& caller, const std::string& widgetId,
                                      const std::string& methodName, const sdk::Settings& changes) const;
    /// Admins only. Tests the channel instance `channel` with `settings` (a method not saved yet). 404 `not_found`
    /// for an unknown instance.
    Poco::JSON::Object::Ptr testNew(const auth::Caller& caller, const std::string& channel,
                                    const sdk::Settings& settings) const;

private:
    /// `{ok, detail, status_code, latency_ms, response_excerpt, reference}`; 422 `validation_failed` naming
    /// `settings.<key>` for settings the channel cannot use, 422 `test_not_supported` for a channel without a test,
    /// 504 `channel_timeout` for one that did not answer within the hub's limit (RunTest).
    Poco::JSON::Object::Ptr run(const std::string& channel, const sdk::Settings& settings) const;

    const config::WidgetRegistry& _widgets;
    RunTest _runTest;
};

} // namespace switchboard::core::handover
