#include "webhook/WebhookTarget.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>

namespace switchboard::channels::webhook {

namespace {

constexpr const char* UrlKey = "url";
constexpr const char* SecretKey = "secret";

bool hasSpaceOrControl(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](unsigned char c) { return c <= ' ' || c == 0x7f; });
}

/// The URL's host, or nullopt with an error at `url`.
std::optional<std::string> hostOf(const std::string& url, sdk::SettingErrors& errors) {
    if (url.empty()) {
        errors.push_back({UrlKey, "is required: the address the webhook is POSTed to"});
        return std::nullopt;
    }
    if (hasSpaceOrControl(url)) {
        errors.push_back({UrlKey, "must not contain spaces or control characters"});
        return std::nullopt;
    }
    try {
        const Poco::URI uri(url);
        if (uri.getScheme() != "http" && uri.getScheme() != "https") {
            errors.push_back({UrlKey, "must be an http:// or https:// URL"});
            return std::nullopt;
        }
        if (uri.getHost().empty()) {
            errors.push_back({UrlKey, "names no host"});
            return std::nullopt;
        }
        return uri.getHost();
    } catch (const Poco::SyntaxException& error) {
        errors.push_back({UrlKey, "is not a valid URL: " + error.message()});
        return std::nullopt;
    }
}

std::optional<sdk::WebhookSecret> secretOf(const sdk::Settings& settings, sdk::SettingErrors& errors) {
    const auto secret = settings.find(SecretKey);
    if (secret == settings.end() || secret->second.empty()) {
        errors.push_back({SecretKey, "is required: the key the webhook is signed with, \"whsec_<base64>\" or at "
                                     "least 16 characters"});
        return std::nullopt;
    }
    try {
        return sdk::WebhookSecret::parse(secret->second);
    } catch (const sdk::Error& error) {
        errors.push_back({SecretKey, error.what()});
        return std::nullopt;
    }
}

} // namespace

WebhookTarget::WebhookTarget(std::string url, std::string host, sdk::WebhookSecret secret)
    : _url(std::move(url)), _host(std::move(host)), _secret(std::move(secret)) {}

std::optional<WebhookTarget> WebhookTarget::fromSettings(const sdk::Settings& methodSettings,
                                                         sdk::SettingErrors& errors) {
    const std::size_t errorsBefore = errors.size();
    for (const auto& [key, value] : methodSettings) {
        if (key != UrlKey && key != SecretKey) {
            errors.push_back({key, "is not a setting of the webhook channel (it takes url and secret)"});
        }
    }
    const auto url = methodSettings.find(UrlKey);
    const auto host = hostOf(url == methodSettings.end() ? std::string() : url->second, errors);
    auto secret = secretOf(methodSettings, errors);
    if (errors.size() != errorsBefore) return std::nullopt;
    return WebhookTarget(url->second, *host, std::move(*secret));
}

} // namespace switchboard::channels::webhook
