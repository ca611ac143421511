#include "core/http/HealthRoutes.h"

namespace switchboard::core::http {

void HealthRoutes::registerRoutes(Router& router) {
    router.add("GET", "/healthz", [this](HttpRequest&, HttpResponse& response) {
        const bool ready = _ready.load();
        const bool reachable = ready && _database.ping();
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("status", reachable ? "ok" : "unavailable");
        json->set("database", !ready ? "starting" : reachable ? "ok" : "unreachable");
        json->set("version", SWITCHBOARD_VERSION);
        response.json(reachable ? 200 : 503, json);
        response.setHeader("Cache-Control", "no-store");
    });
}

} // namespace switchboard::core::http
