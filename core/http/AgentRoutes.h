#pragma once

#include "core/auth/AgentService.h"
#include "core/http/AuthGuard.h"
#include "core/http/Router.h"

namespace switchboard::core::http {

/// The team under `/api/agents`: any agent lists teammates; admins manage accounts.
class AgentRoutes {
public:
    AgentRoutes(const AuthGuard& guard, auth::AgentService& agents);

    void registerRoutes(Router& router);

private:
    void list(HttpRequest& request, HttpResponse& response);
    void create(HttpRequest& request, HttpResponse& response);
    void get(HttpRequest& request, HttpResponse& response);
    void update(HttpRequest& request, HttpResponse& response);
    void deactivate(HttpRequest& request, HttpResponse& response);

    const AuthGuard& _guard;
    auth::AgentService& _agents;
};

} // namespace switchboard::core::http
