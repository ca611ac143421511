#pragma once

#include "core/http/Router.h"
#include "core/store/Database.h"

#include <atomic>

namespace switchboard::core::http {

/// `GET /healthz`: 200 once the hub has migrated its database and can reach it, 503 otherwise.
class HealthRoutes {
public:
    HealthRoutes(store::Database& database, const std::atomic<bool>& ready) : _database(database), _ready(ready) {}
    void registerRoutes(Router& router);

private:
    store::Database& _database;
    const std::atomic<bool>& _ready;
};

} // namespace switchboard::core::http
