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

sdk::ChannelDescription SlackChannel::describe() const {
    sdk::ChannelDescription description;
    description.displayName = "Slack";
    description.handoverMethods = {{"slack", "Our team on Slack", "Thanks! Our team will be in touch shortly.", {}}};
    description.instanceSettings = {{MentionHereKey, "true to start each post with @here; false by default", false}};
    description.methodSettings = {
        {WebhookUrlKey, "The Slack incoming webhook's URL", true, sdk::SettingDescription::Type::HttpUrl}};
    return description;
}

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
    const auto line = text(delivery);
    if (!line) {
        return sdk::DeliveryResult::failed("the slack channel reaches the team, not visitors: it takes no " +
                                           std::string(sdk::toString(delivery.kind)));
    }
    // The widget's YAML may have changed since it was validated: check again, and fail for good if it is wrong.
    sdk::SettingErrors errors;
    const auto url = webhookUrl(delivery.methodSettings, errors);
    if (!url) {
        return sdk::DeliveryResult::failed("handover method setting " + errors.front().key + ": " +
                                           errors.front().message);
    }
    return post(*url, (_mentionHere ? "<!here> " : "") + *line);
}

sdk::TestResult SlackChannel::test(const sdk::Settings& methodSettings) {
    sdk::TestResult result;
    const auto url = webhookUrl(methodSettings, result.settingErrors);
    if (!url) {
        result.outcome = sdk::TestResult::Outcome::InvalidSettings;
        return result;
    }
    const auto answer = post(*url, "Test from Switchboard: if you can read this, the handover method works.");
    result.outcome = answer.outcome == sdk::DeliveryResult::Outcome::Delivered ? sdk::TestResult::Outcome::Passed
                                                                                : sdk::TestResult::Outcome::Failed;
    result.detail = answer.detail;
    result.statusCode = answer.statusCode;
    result.responseExcerpt = answer.responseExcerpt;
    return result;
}

sdk::DeliveryResult SlackChannel::post(const sdk::SettingsReader::HttpUrl& url, const std::string& text) const {
    Poco::JSON::Object payload;
    payload.set("text", text);
    std::ostringstream body;
    payload.stringify(body);

    sdk::HttpRequest request;
    request.url = url.text;
    request.headers = {{"Content-Type", "application/json"}};
    request.body = body.str();
    try {
        // The host's client applies its time limits and refuses private addresses; a 5xx or 429 comes back as a
        // retry, a 404 or 410 (a removed webhook) as failed.
        return sdk::resultOfHttpAnswer(_host->http().send(request), _host->clock().nowMs(), url.host);
    } catch (const sdk::HttpError& error) {
        return sdk::resultOfHttpError(error, url.host);
    }
}

std::optional<std::string> SlackChannel::text(const sdk::Delivery& delivery) {
    const auto& visitor = delivery.recipient.visitor;
    std::string who = visitor.name.empty() ? "A visitor" : escaped(visitor.name);
    if (!visitor.email.empty()) who += " (" + escaped(visitor.email) + ")";
    std::string line;
    switch (delivery.kind) {
    case sdk::DeliveryKind::HandoverRequested:
        line = who + " asks for a person on " + escaped(delivery.widgetId);
        if (!delivery.messages.empty()) line += ": " + escaped(delivery.messages.front().text);
        break;
    case sdk::DeliveryKind::AgentAlert:
        line = who + " wrote on " + escaped(delivery.widgetId) + " and nobody has read it yet";
        break;
    case sdk::DeliveryKind::AgentMessage:
    case sdk::DeliveryKind::VisitorNotice:
    case sdk::DeliveryKind::Transcript:
    case sdk::DeliveryKind::VisitorMessage:
        return std::nullopt;
    }
    // The conversation so far, so that whoever picks it up knows what it is about.
    for (const auto& message : delivery.history) {
        const auto sender = message.senderName.empty() ? std::string(sdk::toString(message.senderType))
                                                       : escaped(message.senderName);
        line += "\n> " + sender + ": " + escaped(message.text);
    }
    return line;
}

} // namespace example
