#pragma once

#include <switchboard/sdk/Settings.h>
#include <switchboard/sdk/Webhook.h>

#include <optional>
#include <string>

namespace switchboard::channels::webhook {

/// Where one handover method's webhooks go and how they are signed: the method's `url` and `secret`, checked.
class WebhookTarget {
public:
    static constexpr const char* UrlKey = "url";
    static constexpr const char* SecretKey = "secret";

    /// The target `methodSettings` describe, or nullopt with `errors` naming every key that is missing, malformed
    /// or unknown. Messages never quote the secret.
    static std::optional<WebhookTarget> fromSettings(const sdk::Settings& methodSettings, sdk::SettingErrors& errors);

    /// The URL exactly as configured.
    const std::string& url() const { return _url; }
    /// The URL's host, for the operator's messages (never the URL, whose path or query may hold a credential).
    const std::string& host() const { return _host; }
    const sdk::WebhookSecret& secret() const { return _secret; }

private:
    WebhookTarget(std::string url, std::string host, sdk::WebhookSecret secret);

    std::string _url;
    std::string _host;
    sdk::WebhookSecret _secret;
};

} // namespace switchboard::channels::webhook
