#include "webhook/WebhookChannel.h"

#include "webhook/WebhookPayload.h"
#include "webhook/WebhookTarget.h"

#include <switchboard/sdk/SettingsReader.h>
#include <switchboard/sdk/Webhook.h>

#include <algorithm>

namespace switchboard::channels::webhook {

namespace {

constexpr const char* UserAgentKey = "user_agent";

/// A header value must stay on one line, or it could smuggle in headers of its own.
bool isPrintableLine(const std::string& text) {
    return std::none_of(text.begin(), text.end(), [](unsigned char c) { return c < ' ' || c == 0x7f; });
}

} // namespace

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
    if (!target) {
        std::string problems;
        for (const auto& error : errors) {
            if (!problems.empty()) problems += "; ";
            problems += "handover method setting " + error.key + ": " + error.message;
        }
        return sdk::DeliveryResult::failed(problems);
    }

    sdk::HttpRequest request;
    request.method = "POST";
    request.url = target->url();
    request.body = WebhookPayload::body(delivery);
    request.headers = {{"Content-Type", "application/json"}, {"User-Agent", _userAgent}};
    const std::int64_t nowMs = _host->clock().nowMs();
    for (auto& header : sdk::WebhookSignature::headers(target->secret(), delivery.id, nowMs / 1000, request.body)) {
        request.headers.push_back(std::move(header));
    }

    try {
        const auto response = _host->http().send(request);
        return sdk::resultOfHttpAnswer(response, _host->clock().nowMs(), target->host());
    } catch (const sdk::HttpError& error) {
        return sdk::resultOfHttpError(error, target->host());
    }
}

} // namespace switchboard::channels::webhook
