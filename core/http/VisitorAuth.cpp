#include "core/http/VisitorAuth.h"

#include "core/http/WidgetGate.h"

namespace switchboard::core::http {

conversation::Visitor VisitorAuth::require(const HttpRequest& request) const {
    auto visitor = _sessions.requireVisitor(request.bearerToken());
    if (auto widget = _widgets.find(visitor.widgetId)) WidgetGate::admitOrigin(request, *widget);
    return visitor;
}

} // namespace switchboard::core::http
