#include "webhook/WebhookTarget.h"

#include <switchboard/sdk/Error.h>
#include <switchboard/sdk/SettingsReader.h>

namespace switchboard::channels::webhook {

WebhookTarget::WebhookTarget(std::string url, std::string host, sdk::WebhookSecret secret)
    : _url(std::move(url)), _host(std::move(host)), _secret(std::move(secret)) {}

std::optional<WebhookTarget> WebhookTarget::fromSettings(const sdk::Settings& methodSettings,
                                                         sdk::SettingErrors& errors) {
    using Required = sdk::SettingsReader::Required;
    sdk::SettingsReader reader(methodSettings);
    auto url = reader.httpUrl(UrlKey, Required{"the address the webhook is POSTed to"});
    const auto secretText = reader.secret(
        SecretKey, Required{"the key the webhook is signed with, \"whsec_<base64>\" or at least 16 characters"});
    std::optional<sdk::WebhookSecret> secret;
    if (secretText) {
        try {
            secret = sdk::WebhookSecret::parse(*secretText);
        } catch (const sdk::Error& error) {
            reader.report(SecretKey, error.what());
        }
    }
    const auto problems = reader.problems();
    errors.insert(errors.end(), problems.begin(), problems.end());
    if (!problems.empty()) return std::nullopt;
    return WebhookTarget(std::move(url->text), std::move(url->host), std::move(*secret));
}

} // namespace switchboard::channels::webhook
