#pragma once

#include "core/auth/AgentService.h"
#include "core/conversation/ConversationService.h"
#include "core/http/AuthGuard.h"
#include "core/http/Router.h"
#include "core/presence/AgentPresence.h"
#include "core/presence/ViewingRegistry.h"
#include "core/presence/VisitorPresence.h"

namespace switchboard::core::http {

/// Presence over HTTP, for clients without a socket: agents' heartbeat, status and viewing under `/api/agent/`,
/// and a visitor's presence at `/api/widget/presence` (for agents). The same state the socket events change.
class PresenceRoutes {
public:
    PresenceRoutes(const AuthGuard& guard, conversation::ConversationService& conversations,
                   auth::AgentService& agents, const presence::VisitorPresence& visitorPresence,
                   presence::AgentPresence& agentPresence, presence::ViewingRegistry& viewing);

    void registerRoutes(Router& router);

private:
    void heartbeat(HttpRequest& request, HttpResponse& response);
    void setStatus(HttpRequest& request, HttpResponse& response);
    void listStatus(HttpRequest& request, HttpResponse& response);
    void logout(HttpRequest& request, HttpResponse& response);
    void startViewing(HttpRequest& request, HttpResponse& response);
    void stopViewing(HttpRequest& request, HttpResponse& response);
    void visitorPresence(HttpRequest& request, HttpResponse& response);

    const AuthGuard& _guard;
    conversation::ConversationService& _conversations;
    auth::AgentService& _agents;
    const presence::VisitorPresence& _visitorPresence;
    presence::AgentPresence& _agentPresence;
    presence::ViewingRegistry& _viewing;
};

} // namespace switchboard::core::http
