#include "webhook/WebhookChannel.h"

#include <switchboard/sdk/Plugin.h>

SWITCHBOARD_PLUGIN_INFO("webhook", "1.0.0", "Signed HTTP POSTs (Standard Webhooks) to a CRM or any receiver")

POCO_BEGIN_NAMED_MANIFEST(ChannelV2, switchboard::sdk::Channel)
POCO_EXPORT_CLASS(switchboard::channels::webhook::WebhookChannel)
POCO_END_MANIFEST
