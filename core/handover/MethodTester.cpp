#include "core/handover/MethodTester.h"

#include "core/common/ApiError.h"
#include "core/common/JsonValues.h"
#include "core/handover/DeliveryLedger.h"
#include "core/handover/SecretName.h"

#include <algorithm>

namespace switchboard::core::handover {

using common::ApiError;

namespace {

void requireAdmin(const auth::Caller& caller) {
    if (!caller.agent.isAdmin()) throw ApiError::forbidden("only an admin may test a handover method");
}

} // namespace

MethodTester::MethodTester(const config::WidgetRegistry& widgets, RunTest runTest)
    : _widgets(widgets), _runTest(std::move(runTest)) {}

Poco::JSON::Object::Ptr MethodTester::testSaved(const auth::Caller& caller, const std::string& widgetId,
                                                const std::string& methodName, const sdk::Settings& changes) const {
    requireAdmin(caller);
    const auto widget = _widgets.find(widgetId);
    if (!widget) throw ApiError::notFound("widget");
    const auto& methods = widget->handover.methods;
    const auto method =
        std::find_if(methods.begin(), methods.end(), [&](const auto& m) { return m.name == methodName; });
    if (method == methods.end()) throw ApiError::notFound("handover method");
    auto settings = method->settings;
    for (const auto& [key, value] : changes) {
        if (value != SecretName::Mask || !settings.contains(key)) settings[key] = value;
    }
    return run(method->channel, settings);
}

Poco::JSON::Object::Ptr MethodTester::testNew(const auth::Caller& caller, const std::string& channel,
                                              const sdk::Settings& settings) const {
    requireAdmin(caller);
    return run(channel, settings);
}

Poco::JSON::Object::Ptr MethodTester::run(const std::string& channel, const sdk::Settings& settings) const {
    const auto result = _runTest(channel, settings);
    if (!result) throw ApiError::notFound("channel instance");
    using Outcome = sdk::TestResult::Outcome;
    if (result->outcome == Outcome::NotSupported) {
        throw ApiError::invalid("test_not_supported", "the channel " + channel + " offers no test");
    }
    if (result->outcome == Outcome::InvalidSettings) {
        std::string message;
        for (const auto& error : result->settingErrors) {
            message += (message.empty() ? "" : "; ") + error.key + ": " + error.message;
        }
        const auto field = result->settingErrors.empty() ? std::optional<std::string>()
                                                         : "settings." + result->settingErrors.front().key;
        throw ApiError::invalid("validation_failed", message.empty() ? result->detail : message, field);
    }
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("ok", result->outcome == Outcome::Passed);
    json->set("detail", result->detail);
    json->set("status_code", common::orNull(result->statusCode));
    json->set("latency_ms", common::orNull(result->latencyMs));
    json->set("response_excerpt", result->responseExcerpt.empty()
                                      ? Poco::Dynamic::Var()
                                      : Poco::Dynamic::Var(DeliveryLedger::excerpt(result->responseExcerpt)));
    json->set("reference", result->reference.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(result->reference));
    return json;
}

} // namespace switchboard::core::handover
