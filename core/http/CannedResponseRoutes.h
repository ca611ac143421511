#pragma once

#include "core/conversation/CannedResponseService.h"
#include "core/http/AuthGuard.h"
#include "core/http/Router.h"

namespace switchboard::core::http {

/// Saved replies under `/api/canned-responses`.
class CannedResponseRoutes {
public:
    CannedResponseRoutes(const AuthGuard& guard, conversation::CannedResponseService& responses);

    void registerRoutes(Router& router);

private:
    /// Lists, or with `?shortcut=` answers the one response the shortcut stands for.
    void get(HttpRequest& request, HttpResponse& response);
    void create(HttpRequest& request, HttpResponse& response);
    void update(HttpRequest& request, HttpResponse& response);
    void remove(HttpRequest& request, HttpResponse& response);

    const AuthGuard& _guard;
    conversation::CannedResponseService& _responses;
};

} // namespace switchboard::core::http
