#pragma once

#include "core/config/HubConfig.h"
#include "core/config/WidgetConfig.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace switchboard::core::app {

/// The whole hub wired together: database, services, routes and the HTTP server. `main` only parses the
/// command line and calls into this.
class Hub {
public:
    Hub(config::HubConfig config, std::vector<config::WidgetConfig> widgets);
    ~Hub();

    /// Applies pending migrations; throws on failure.
    void migrate();
    /// Starts listening at once; migrations and the first admin run in the background, retried while the
    /// database is unreachable, and `/healthz` answers 503 until they are done.
    void start();
    void stop();
    /// The port actually bound (useful with `--port 0`).
    int port() const;
    bool ready() const;

private:
    struct Parts;
    void prepareDatabase();

    config::HubConfig _config;
    std::unique_ptr<Parts> _parts;
    bool _started = false;
    std::atomic<bool> _stopping{false};
};

} // namespace switchboard::core::app
