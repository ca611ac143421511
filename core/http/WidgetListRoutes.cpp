#include "core/http/WidgetListRoutes.h"

#include <algorithm>

namespace switchboard::core::http {

WidgetListRoutes::WidgetListRoutes(const AuthGuard& guard, const config::WidgetRegistry& widgets)
    : _guard(guard), _widgets(widgets) {}

void WidgetListRoutes::registerRoutes(Router& router) {
    router.add("GET", "/api/widgets", [this](HttpRequest& req, HttpResponse& res) { list(req, res); });
}

void WidgetListRoutes::list(HttpRequest& request, HttpResponse& response) {
    const auto caller = _guard.require(request);
    auto widgets = _widgets.all();
    std::erase_if(widgets, [&](const auto& widget) { return !caller.canSee(widget->id); });
    std::sort(widgets.begin(), widgets.end(), [](const auto& a, const auto& b) { return a->id < b->id; });
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& widget : widgets) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
        item->set("id", widget->id);
        item->set("name", widget->name);
        items->add(item);
    }
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("widgets", items);
    response.json(200, json);
}

} // namespace switchboard::core::http
