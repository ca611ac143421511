#include "portal/PortalChannel.h"

#include <switchboard/sdk/Plugin.h>

SWITCHBOARD_PLUGIN_INFO("portal", "1.0.0", "Notifies the widget's agents in the portal")

POCO_BEGIN_NAMED_MANIFEST(ChannelV2, switchboard::sdk::Channel)
POCO_EXPORT_CLASS(switchboard::channels::portal::PortalChannel)
POCO_END_MANIFEST
