#pragma once

#include "core/app/CommandLine.h"
#include "core/config/HubConfig.h"
#include "core/config/WidgetConfig.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace switchboard::core::app {

/// hub.yaml and the widget files as the command line asks for them: its `--port` and `--db` override
/// `server.port` and `database.url`.
struct Configuration {
    config::HubConfig hub;
    std::vector<config::WidgetConfig> widgets;

    /// Throws config::ConfigError with every problem the files have.
    static Configuration load(const CommandLine& line);
    /// The same, or nothing after writing each problem to `errors` (`file:line: key: message`), then how many
    /// there were followed by `consequence` (e.g. "; the hub did not start").
    static std::optional<Configuration> loadOrReport(const CommandLine& line, std::ostream& errors,
                                                     const std::string& consequence = "");
};

} // namespace switchboard::core::app
