// The plugin's declaration: who it is and which class the hub creates. One per plugin, in one .cpp.
#include "SlackChannel.h"

#include <switchboard/sdk/Plugin.h>

SWITCHBOARD_PLUGIN_INFO("slack", "2.0.0", "Posts handover requests and agent alerts to a Slack channel")

POCO_BEGIN_NAMED_MANIFEST(ChannelV2, switchboard::sdk::Channel)
POCO_EXPORT_CLASS(example::SlackChannel)
POCO_END_MANIFEST
