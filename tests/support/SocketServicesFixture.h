#pragma once

#include "core/auth/AuthService.h"
#include "core/auth/PasswordHasher.h"
#include "core/common/Clock.h"
#include "core/conversation/ConversationService.h"
#include "core/conversation/MessageService.h"
#include "core/conversation/VisitorChannels.h"
#include "core/handover/HandoverCompletion.h"
#include "core/conversation/WidgetSessionService.h"
#include "core/events/LocalEventBus.h"
#include "core/limits/RateLimiter.h"
#include "core/presence/AgentPresence.h"
#include "core/presence/ViewingRegistry.h"
#include "core/presence/VisitorPresence.h"
#include "core/realtime/SocketServices.h"
#include "core/store/AgentRepository.h"
#include "tests/support/TestDatabase.h"

#include <string>
#include <vector>

namespace switchboard::tests {

/// The services a socket reaches, over a fresh database and a manual clock, with one widget (`demo`) and helpers
/// to start a visitor's conversation and sign an agent in.
struct SocketServicesFixture {
    static core::config::WidgetConfig demoWidget() {
        core::config::WidgetConfig widget;
        widget.id = "demo";
        widget.name = "Demo";
        return widget;
    }

    explicit SocketServicesFixture(core::config::PublicRateLimits limits = {})
        : rateLimits(limits),
          widgets({demoWidget()}),
          limiter(clock),
          events(bus),
          handoverEvents(bus),
          handoverCompletion(clock, handoverEvents),
          // No conversation here has a visitor channel, so nothing is queued for the outbox.
          messages(*database, widgets, clock, limiter, events, handoverCompletion, 2000, [] {}),
          sessions(*database, widgets, clock, limiter, events, messages),
          conversations(*database, clock, events,
                        [this](core::store::Sql& sql, const std::string& id) { return agents.findById(sql, id); },
                        handoverCompletion, visitorChannels),
          hasher(core::auth::PasswordHasher::Strength::Fast),
          auth(*database, hasher, clock, limiter, core::config::AuthConfig{}, bus),
          visitorPresence(clock, bus, presenceConfig, [](const std::string&, std::int64_t) {}),
          agentPresence(
              clock, bus, presenceConfig, [] { return std::vector<std::string>{"demo"}; },
              [](const std::string&, const std::string&) {}),
          viewing(clock, bus, presenceConfig) {}

    core::realtime::SocketServices services() {
        return {sessions,        auth,          messages, conversations, widgets,
                visitorPresence, agentPresence, viewing,  limiter,       rateLimits};
    }

    /// A visitor's new conversation, as `POST /api/widget/init` from `ip` starts it.
    core::conversation::WidgetSession startVisitor(const std::string& ip = "203.0.113.5") {
        core::conversation::WidgetStart start;
        start.widgetId = "demo";
        start.name = "Ada";
        start.clientIp = ip;
        return sessions.start(start);
    }

    /// The session token of a new agent who serves `demo`.
    std::string signInAgent(const std::string& id = "agent-1") {
        core::auth::Agent agent;
        agent.id = id;
        agent.email = id + "@example.com";
        agent.displayName = "Grace";
        agent.passwordHash = hasher.hash("a-long-password");
        agent.widgets = {"demo"};
        database->write([&](core::store::Sql& sql) { agents.insert(sql, agent); });
        return auth.login(agent.email, "a-long-password", "198.51.100.7", "test").token;
    }

    core::config::PublicRateLimits rateLimits;
    core::config::PresenceConfig presenceConfig;
    TestDatabase database;
    core::common::ManualClock clock;
    core::config::WidgetRegistry widgets;
    core::limits::RateLimiter limiter;
    core::events::LocalEventBus bus;
    core::conversation::ConversationEvents events;
    core::store::AgentRepository agents;
    core::handover::HandoverEvents handoverEvents;
    core::handover::HandoverCompletion handoverCompletion;
    core::conversation::VisitorChannels visitorChannels;
    core::conversation::MessageService messages;
    core::conversation::WidgetSessionService sessions;
    core::conversation::ConversationService conversations;
    core::auth::PasswordHasher hasher;
    core::auth::AuthService auth;
    core::presence::VisitorPresence visitorPresence;
    core::presence::AgentPresence agentPresence;
    core::presence::ViewingRegistry viewing;
};

} // namespace switchboard::tests
