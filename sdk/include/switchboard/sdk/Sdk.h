#pragma once

// The whole plugin contract in one include.
#include "switchboard/sdk/Channel.h"
#include "switchboard/sdk/ContactAddress.h"
#include "switchboard/sdk/Delivery.h"
#include "switchboard/sdk/DeliveryResult.h"
#include "switchboard/sdk/Error.h"
#include "switchboard/sdk/HostServices.h"
#include "switchboard/sdk/HttpClient.h"
#include "switchboard/sdk/Inbound.h"
#include "switchboard/sdk/InboundOutcome.h"
#include "switchboard/sdk/ProviderStatus.h"
#include "switchboard/sdk/Settings.h"
#include "switchboard/sdk/SettingsReader.h"
#include "switchboard/sdk/StatusUpdate.h"
#include "switchboard/sdk/Version.h"
#include "switchboard/sdk/Webhook.h"
