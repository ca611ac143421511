#pragma once

// Everything a channel plugin's main .cpp needs to declare itself:
//
//   #include <switchboard/sdk/Plugin.h>
//   SWITCHBOARD_PLUGIN_INFO("slack", "1.0.0", "Posts handover requests to a Slack channel")
//   POCO_BEGIN_NAMED_MANIFEST(ChannelV2, switchboard::sdk::Channel)
//   POCO_EXPORT_CLASS(example::SlackChannel)
//   POCO_END_MANIFEST
//
// The manifest must be named ChannelV2 (sdk::ChannelManifest) and export exactly one class.

#include "switchboard/sdk/Channel.h"
#include "switchboard/sdk/Version.h"

#include <Poco/ClassLibrary.h>
