#include "SlackChannel.h"

#include <switchboard/sdk/SettingsReader.h>
#include <switchboard/sdk/Webhook.h>

#include <Poco/JSON/Object.h>

#include <optional>
#include <sstream>

namespace sdk = switchboard::sdk;

namespace example {

namespace {

constexpr const char* WebhookUrlKey = "webhook_url";
constexpr const char* MentionHereKey = "mention_here";

/// The method's `webhook_url`, or nullopt with `errors` naming every problem with the method's settings. Slack's own
/// URLs are https; Slack-compatible servers on a private network (Mattermost, Rocket.Chat) may be http.
std::optional<sdk::SettingsReader::HttpUrl> webhookUrl(const sdk::Settings& methodSettings,
                                                       sdk::SettingErrors& errors) {
    sdk::SettingsReader reader(methodSettings);
    auto url = reader.httpUrl(WebhookUrlKey, sdk::SettingsReader::Required{"the Slack incoming webhook's URL"});
    errors = reader.problems();
    return errors.empty() ? url : std::nullopt;
}

/// Slack reads <...> as links and mentions; a visitor's words must not become either.
std::string escaped(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace

sdk::SettingErrors SlackChannel::configure(const sdk::Settings& settings, sdk::HostServices& host) {
    _host = &host;
    sdk::SettingsReader reader(settings);
    _mentionHere = reader.boolean(MentionHereKey, false);
    return reader.problems();
}

sdk::SettingErrors SlackChannel::validateMethod(const sdk::Settings& methodSettings) const {
    sdk::SettingErrors errors;
    webhookUrl(methodSettings, errors);
    return errors;
}

sdk::DeliveryResult SlackChannel::deliver(const sdk::Delivery& delivery) {
    // The widget's YAML may have changed since it was validated: check again, and fail for good if it is wrong.
    sdk::SettingErrors errors;
    const auto url = webhookUrl(delivery.methodSettings, errors);
    if (!url) {
        return sdk::DeliveryResult::failed("handover method setting " + errors.front().key + ": " +
                                           errors.front().message);
    }

    Poco::JSON::Object payload;
    payload.set("text", (_mentionHere ? "<!here> " : "") + text(delivery));
    std::ostringstream body;
    payload.stringify(body);

    sdk::HttpRequest request;
    request.url = url->text;
    request.headers = {{"Content-Type", "application/json"}};
    request.body = body.str();
    try {
        // The host's client applies its time limits and refuses private addresses; a 5xx or 429 comes back as a
        // retry, a 404 or 410 (a removed webhook) as failed.
        return sdk::resultOfHttpAnswer(_host->http().send(request), _host->clock().nowMs(), url->host);
    } catch (const sdk::HttpError& error) {
        return sdk::resultOfHttpError(error, url->host);
    }
}

std::string SlackChannel::text(const sdk::Delivery& delivery) {
    const auto& visitor = delivery.visitor;
    std::string line = visitor.name.empty() ? "A visitor" : escaped(visitor.name);
    if (!visitor.email.empty()) line += " (" + escaped(visitor.email) + ")";
    line += " asks for a person on " + escaped(delivery.widgetId);
    if (!delivery.message.empty()) line += ": " + escaped(delivery.message);
    return line;
}

} // namespace example
