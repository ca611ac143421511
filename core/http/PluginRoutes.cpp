#include "core/http/PluginRoutes.h"

#include "core/auth/AgentService.h"
#include "core/http/ChannelDescriptionJson.h"

#include <Poco/JSON/Array.h>

namespace switchboard::core::http {

PluginRoutes::PluginRoutes(const AuthGuard& guard, const plugin_host::PluginHost& plugins)
    : _guard(guard), _plugins(plugins) {}

void PluginRoutes::registerRoutes(Router& router) {
    router.add("GET", "/api/plugins", [this](HttpRequest& req, HttpResponse& res) { list(req, res); });
}

void PluginRoutes::list(HttpRequest& request, HttpResponse& response) {
    auth::AgentService::requireAdmin(_guard.require(request));
    Poco::JSON::Array::Ptr plugins = new Poco::JSON::Array;
    for (const auto& plugin : _plugins.plugins()) {
        Poco::JSON::Array::Ptr instances = new Poco::JSON::Array;
        for (const auto& instance : _plugins.instances()) {
            if (instance.plugin() == plugin.name) instances->add(instance.name());
        }
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("name", plugin.name);
        json->set("version", plugin.version);
        json->set("description", plugin.description);
        json->set("file", plugin.file);
        json->set("api_version", plugin.apiVersion);
        json->set("instances", instances);
        json->set("channel", ChannelDescriptionJson::toJson(plugin.channel, plugin.name));
        plugins->add(json);
    }
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("plugins", plugins);
    response.json(200, json);
}

} // namespace switchboard::core::http
