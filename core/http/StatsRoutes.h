#pragma once

#include "core/conversation/StatsService.h"
#include "core/http/AuthGuard.h"
#include "core/http/Router.h"

namespace switchboard::core::http {

/// Dashboard figures: `GET /api/stats`.
class StatsRoutes {
public:
    StatsRoutes(const AuthGuard& guard, conversation::StatsService& stats);

    void registerRoutes(Router& router);

private:
    void get(HttpRequest& request, HttpResponse& response);

    const AuthGuard& _guard;
    conversation::StatsService& _stats;
};

} // namespace switchboard::core::http
