#pragma once

#include "core/config/WidgetRegistry.h"
#include "core/http/AuthGuard.h"
#include "core/http/Router.h"

namespace switchboard::core::http {

/// `GET /api/widgets`: the widgets an agent serves (every widget for admins), for the portal's widget choices.
class WidgetListRoutes {
public:
    WidgetListRoutes(const AuthGuard& guard, const config::WidgetRegistry& widgets);

    void registerRoutes(Router& router);

private:
    void list(HttpRequest& request, HttpResponse& response);

    const AuthGuard& _guard;
    const config::WidgetRegistry& _widgets;
};

} // namespace switchboard::core::http
