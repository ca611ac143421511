#include "webhook/WebhookChannel.h"

#include "webhook/WebhookPayload.h"

#include <switchboard/sdk/SettingsReader.h>
#include <switchboard/sdk/Webhook.h>

#include <Poco/JSON/Object.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <sstream>

namespace switchboard::channels::webhook {

namespace {

constexpr const char* UserAgentKey = "user_agent";

/// A header value must stay on one line, or it could smuggle in headers of its own.
bool isPrintableLine(const std::string& text) {
    return std::none_of(text.begin(), text.end(), [](unsigned char c) { return c < ' ' || c == 0x7f; });
}

/// Every problem as one line, for a delivery that fails on its settings.
std::string describeProblems(const sdk::SettingErrors& errors) {
    std::string problems;
    for (const auto& error : errors) {
        if (!problems.empty()) problems += "; ";
        problems += "handover method setting " + error.key + ": " + error.message;
    }
    return problems;
}

/// What `POST /api/handover/test` sends: receivers can tell it from a real event by `event` and by the `test_` id.
std::string testBody(std::int64_t nowMs) {
    Poco::JSON::Object event(Poco::JSON_PRESERVE_KEY_ORDER);
    event.set("event", "webhook.test");
    event.set("timestamp", WebhookPayload::timestamp(nowMs));
    event.set("message", "A test event from Switchboard: if you can read this, your receiver works.");
    std::ostringstream out;
    event.stringify(out);
    return out.str();
}

} // namespace

sdk::ChannelDescription WebhookChannel::describe() const {
    sdk::ChannelDescription description;
    description.displayName = "Webhook";
    description.handoverMethods = {{"webhook", "Our team", "Thanks! Our team will be in touch shortly.", {}}};
    description.instanceSettings = {
        {UserAgentKey, std::string("The User-Agent header of every request; \"") + DefaultUserAgent + "\" by default",
         false}};
    description.methodSettings = {
        {WebhookTarget::UrlKey, "The http(s) address each handover request is POSTed to", true,
         sdk::SettingDescription::Type::HttpUrl},
        {WebhookTarget::SecretKey, "The signing key, \"whsec_<base64>\" (Standard Webhooks) or at least 16 characters",
         true, sdk::SettingDescription::Type::Secret}};
    return description;
}

sdk::SettingErrors WebhookChannel::configure(const sdk::Settings& settings, sdk::HostServices& host) {
    _host = &host;
    sdk::SettingsReader reader(settings);
    auto userAgent = reader.string(UserAgentKey, DefaultUserAgent);
    if (userAgent.empty() || !isPrintableLine(userAgent)) {
        reader.report(UserAgentKey, "must be one line of printable text");
    } else {
        _userAgent = std::move(userAgent);
    }
    return reader.problems();
}

sdk::SettingErrors WebhookChannel::validateMethod(const sdk::Settings& methodSettings) const {
    sdk::SettingErrors errors;
    WebhookTarget::fromSettings(methodSettings, errors);
    return errors;
}

sdk::DeliveryResult WebhookChannel::deliver(const sdk::Delivery& delivery) {
    sdk::SettingErrors errors;
    const auto target = WebhookTarget::fromSettings(delivery.methodSettings, errors);
    if (!target) return sdk::DeliveryResult::failed(describeProblems(errors));

    const auto request = signedRequest(*target, delivery.id, WebhookPayload::body(delivery));
    try {
        const auto response = _host->http().send(request);
        return sdk::resultOfHttpAnswer(response, _host->clock().nowMs(), target->host());
    } catch (const sdk::HttpError& error) {
        return sdk::resultOfHttpError(error, target->host());
    }
}

sdk::TestResult WebhookChannel::test(const sdk::Settings& methodSettings) {
    sdk::TestResult result;
    const auto target = WebhookTarget::fromSettings(methodSettings, result.settingErrors);
    if (!target) {
        result.outcome = sdk::TestResult::Outcome::InvalidSettings;
        return result;
    }
    result.reference = "test_" + Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    const auto request = signedRequest(*target, result.reference, testBody(_host->clock().nowMs()));
    try {
        const auto response = _host->http().send(request);
        const auto answer = sdk::resultOfHttpAnswer(response, _host->clock().nowMs(), target->host());
        result.outcome = answer.outcome == sdk::DeliveryResult::Outcome::Delivered ? sdk::TestResult::Outcome::Passed
                                                                                    : sdk::TestResult::Outcome::Failed;
        result.detail = answer.detail;
        result.statusCode = answer.statusCode;
        result.responseExcerpt = answer.responseExcerpt;
        result.latencyMs = response.elapsedMs;
    } catch (const sdk::HttpError& error) {
        if (error.kind() == sdk::HttpError::Kind::Refused) {
            result.outcome = sdk::TestResult::Outcome::InvalidSettings;
            result.settingErrors.push_back({WebhookTarget::UrlKey, error.what()});
        } else {
            result.outcome = sdk::TestResult::Outcome::Failed;
            result.detail = sdk::resultOfHttpError(error, target->host()).detail;
        }
    }
    return result;
}

sdk::HttpRequest WebhookChannel::signedRequest(const WebhookTarget& target, const std::string& webhookId,
                                               std::string body) const {
    sdk::HttpRequest request;
    request.method = "POST";
    request.url = target.url();
    request.body = std::move(body);
    request.headers = {{"Content-Type", "application/json"}, {"User-Agent", _userAgent}};
    const std::int64_t nowMs = _host->clock().nowMs();
    for (auto& header : sdk::WebhookSignature::headers(target.secret(), webhookId, nowMs / 1000, request.body)) {
        request.headers.push_back(std::move(header));
    }
    return request;
}

} // namespace switchboard::channels::webhook
