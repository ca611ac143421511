#include <switchboard/sdk/Plugin.h>

// Declares itself as a plugin but exports no channel class.
SWITCHBOARD_PLUGIN_INFO("empty", "0.1.0", "Declares itself but exports no channel")
