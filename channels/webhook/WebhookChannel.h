#pragma once

#include "webhook/WebhookTarget.h"

#include <switchboard/sdk/Channel.h>

#include <string>

namespace switchboard::channels::webhook {

/// Hands a conversation over by POSTing a signed JSON document to a URL the widget's handover method names (a CRM,
/// a ticketing system, the operator's own service).
///
/// Instance settings (hub.yaml `channels.<name>.settings`), all optional: `user_agent`. Method settings (the
/// widget's handover method): `url` (http or https) and `secret`, with which every request is signed as Standard
/// Webhooks specifies; the `webhook-id` is the delivery's id, the same on every attempt, so receivers de-duplicate.
///
/// "Test" POSTs a `webhook.test` event, signed the same way, with a `webhook-id` starting `test_`.
class WebhookChannel final : public sdk::Channel {
public:
    static constexpr const char* DefaultUserAgent = "Switchboard-Webhook/1.0";

    sdk::ChannelDescription describe() const override;
    sdk::SettingErrors configure(const sdk::Settings& settings, sdk::HostServices& host) override;
    sdk::SettingErrors validateMethod(const sdk::Settings& methodSettings) const override;
    sdk::DeliveryResult deliver(const sdk::Delivery& delivery) override;
    sdk::TestResult test(const sdk::Settings& methodSettings) override;

private:
    /// `body` as a POST to `target`, with the content type, user agent and signature headers for `webhookId`.
    sdk::HttpRequest signedRequest(const WebhookTarget& target, const std::string& webhookId, std::string body) const;

    sdk::HostServices* _host = nullptr;
    std::string _userAgent = DefaultUserAgent;
};

} // namespace switchboard::channels::webhook
