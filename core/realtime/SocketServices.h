#pragma once

#include "core/auth/AuthService.h"
#include "core/config/HubConfig.h"
#include "core/config/WidgetRegistry.h"
#include "core/conversation/ConversationService.h"
#include "core/conversation/MessageService.h"
#include "core/conversation/WidgetSessionService.h"
#include "core/limits/RateLimiter.h"
#include "core/presence/AgentPresence.h"
#include "core/presence/ViewingRegistry.h"
#include "core/presence/VisitorPresence.h"

namespace switchboard::core::realtime {

/// The services a socket reaches, the same ones the REST API uses, and the REST API's per-address limits.
struct SocketServices {
    conversation::WidgetSessionService& sessions;
    auth::AuthService& auth;
    conversation::MessageService& messages;
    conversation::ConversationService& conversations;
    const config::WidgetRegistry& widgets;
    presence::VisitorPresence& visitorPresence;
    presence::AgentPresence& agentPresence;
    presence::ViewingRegistry& viewing;
    limits::RateLimiter& limiter;
    config::PublicRateLimits rateLimits;
};

} // namespace switchboard::core::realtime
