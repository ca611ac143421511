#pragma once

#include "core/handover/HandoverConfigEditor.h"
#include "core/handover/HandoverQueries.h"
#include "core/handover/HandoverService.h"
#include "core/handover/MethodTester.h"
#include "core/http/AuthGuard.h"
#include "core/http/Router.h"
#include "core/http/VisitorAuth.h"

namespace switchboard::core::http {

/// `/api/handover/...`: the visitor's request for a person, and the agents' view of requests, their deliveries and
/// the figures.
class HandoverRoutes {
public:
    HandoverRoutes(const AuthGuard& guard, const VisitorAuth& visitors, handover::HandoverService& service,
                   handover::HandoverQueries& queries, handover::HandoverConfigEditor& configEditor,
                   const handover::MethodTester& methodTester);

    void registerRoutes(Router& router);

private:
    void request(HttpRequest& request, HttpResponse& response);
    void list(HttpRequest& request, HttpResponse& response);
    void detail(HttpRequest& request, HttpResponse& response);
    void retry(HttpRequest& request, HttpResponse& response);
    void analytics(HttpRequest& request, HttpResponse& response);
    void getConfig(HttpRequest& request, HttpResponse& response);
    void putConfig(HttpRequest& request, HttpResponse& response);
    void testMethod(HttpRequest& request, HttpResponse& response);

    const AuthGuard& _guard;
    const VisitorAuth& _visitors;
    handover::HandoverService& _service;
    handover::HandoverQueries& _queries;
    handover::HandoverConfigEditor& _configEditor;
    const handover::MethodTester& _methodTester;
};

} // namespace switchboard::core::http
