#pragma once

#include "core/common/Clock.h"
#include "core/events/EventBus.h"
#include "core/presence/AgentPresence.h"

#include <switchboard/sdk/HostServices.h>

namespace switchboard::core::notify {

/// Shows a notification to the agents of a widget, live (`notification:new` to the widget's agents: the portal's
/// bell, a sound, a browser notification), and tells how many of them are there to see it.
class AgentNotifier {
public:
    AgentNotifier(events::EventBus& bus, const presence::AgentPresence& presence, const common::Clock& clock);

    /// The number of the widget's agents present with a portal open now.
    int notify(const sdk::AgentNotification& notification);

private:
    events::EventBus& _bus;
    const presence::AgentPresence& _presence;
    const common::Clock& _clock;
};

} // namespace switchboard::core::notify
