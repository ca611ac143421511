#pragma once

#include "core/common/Clock.h"
#include "core/config/WidgetRegistry.h"
#include "core/conversation/ConversationEvents.h"
#include "core/conversation/MessageService.h"
#include "core/conversation/VisitorChannels.h"
#include "core/conversation/WidgetSessionService.h"
#include "core/events/LocalEventBus.h"
#include "core/handover/HandoverCompletion.h"
#include "core/limits/RateLimiter.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace switchboard::tests {

/// A migrated database with the given widgets, and the services that start conversations and store their
/// messages; `published` collects the names of the events they announce. `visitorChannels` is empty until a test
/// adds to it.
class MessageServicesFixture : public ::testing::Test {
protected:
    MessageServicesFixture(std::vector<core::config::WidgetConfig> widgetConfigs, std::size_t maxMessageChars)
        : widgets(std::move(widgetConfigs)),
          limiter(clock),
          events(bus),
          handoverEvents(bus),
          handoverCompletion(clock, handoverEvents),
          messages(*database, widgets, clock, limiter, events, handoverCompletion, maxMessageChars,
                   [this] { ++outboxWakes; }),
          sessions(*database, widgets, clock, limiter, events, messages) {
        bus.subscribe([this](const core::events::Event& event) { published.push_back(event.name); });
    }

    TestDatabase database;
    core::common::ManualClock clock;
    core::config::WidgetRegistry widgets;
    core::limits::RateLimiter limiter;
    core::events::LocalEventBus bus;
    core::conversation::ConversationEvents events;
    core::handover::HandoverEvents handoverEvents;
    core::handover::HandoverCompletion handoverCompletion;
    core::conversation::VisitorChannels visitorChannels;
    /// How often the message service asked the outbox to look at once.
    std::size_t outboxWakes = 0;
    core::conversation::MessageService messages;
    core::conversation::WidgetSessionService sessions;
    std::vector<std::string> published;
};

} // namespace switchboard::tests
