#include "SlackChannel.h"

#include <switchboard/sdk/Webhook.h>

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/URI.h>

#include <optional>
#include <sstream>

namespace sdk = switchboard::sdk;

namespace example {

namespace {

constexpr const char* WebhookUrlKey = "webhook_url";
constexpr const char* MentionHereKey = "mention_here";

/// The host of `webhook_url` when it is a usable http(s) URL; otherwise nullopt with an error at `webhook_url`.
/// Slack's own URLs are https; Slack-compatible servers on a private network (Mattermost, Rocket.Chat) may be http.
std::optional<std::string> webhookHost(const sdk::Settings& methodSettings, sdk::SettingErrors& errors) {
    const auto url = methodSettings.find(WebhookUrlKey);
    if (url == methodSettings.end() || url->second.empty()) {
        errors.push_back({WebhookUrlKey, "is required: the Slack incoming webhook's URL"});
        return std::nullopt;
    }
    try {
        const Poco::URI uri(url->second);
        if ((uri.getScheme() != "https" && uri.getScheme() != "http") || uri.getHost().empty()) {
            errors.push_back({WebhookUrlKey, "must be an http:// or https:// URL"});
            return std::nullopt;
        }
        return uri.getHost();
    } catch (const Poco::SyntaxException&) {
        errors.push_back({WebhookUrlKey, "is not a valid URL"});
        return std::nullopt;
    }
}

sdk::SettingErrors checkMethod(const sdk::Settings& methodSettings, std::optional<std::string>& host) {
    sdk::SettingErrors errors;
    for (const auto& entry : methodSettings) {
        if (entry.first != WebhookUrlKey) errors.push_back({entry.first, "is not a setting of the slack channel"});
    }
    host = webhookHost(methodSettings, errors);
    return errors;
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
    sdk::SettingErrors errors;
    for (const auto& [key, value] : settings) {
        if (key != MentionHereKey) {
            errors.push_back({key, "is not a setting of the slack channel (it takes mention_here)"});
        } else if (value != "true" && value != "false") {
            errors.push_back({key, "must be true or false"});
        } else {
            _mentionHere = value == "true";
        }
    }
    return errors;
}

sdk::SettingErrors SlackChannel::validateMethod(const sdk::Settings& methodSettings) const {
    std::optional<std::string> host;
    return checkMethod(methodSettings, host);
}

sdk::DeliveryResult SlackChannel::deliver(const sdk::Delivery& delivery) {
    // The widget's YAML may have changed since it was validated: check again, and fail for good if it is wrong.
    std::optional<std::string> destination;
    const auto errors = checkMethod(delivery.methodSettings, destination);
    if (!errors.empty()) {
        return sdk::DeliveryResult::failed("handover method setting " + errors.front().key + ": " +
                                           errors.front().message);
    }

    Poco::JSON::Object payload;
    payload.set("text", (_mentionHere ? "<!here> " : "") + text(delivery));
    std::ostringstream body;
    payload.stringify(body);

    sdk::HttpRequest request;
    request.url = delivery.methodSettings.at(WebhookUrlKey);
    request.headers = {{"Content-Type", "application/json"}};
    request.body = body.str();
    try {
        // The host's client applies its time limits and refuses private addresses; a 5xx or 429 comes back as a
        // retry, a 404 or 410 (a removed webhook) as failed.
        return sdk::resultOfHttpAnswer(_host->http().send(request), _host->clock().nowMs(), *destination);
    } catch (const sdk::HttpError& error) {
        return sdk::resultOfHttpError(error, *destination);
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
