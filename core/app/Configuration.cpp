#include "core/app/Configuration.h"

#include "core/config/ConfigError.h"
#include "core/config/ConfigLoader.h"

namespace switchboard::core::app {

Configuration Configuration::load(const CommandLine& line) {
    const config::ConfigLoader loader;
    Configuration configuration;
    configuration.hub = loader.loadHub(line.configPath);
    configuration.widgets = loader.loadWidgets(configuration.hub);
    if (line.port) configuration.hub.server.port = *line.port;
    if (line.databaseUrl) configuration.hub.database.url = config::ConfigLoader::absoluteDatabaseUrl(*line.databaseUrl);
    return configuration;
}

std::optional<Configuration> Configuration::loadOrReport(const CommandLine& line, std::ostream& errors,
                                                         const std::string& consequence) {
    try {
        return load(line);
    } catch (const config::ConfigError& error) {
        for (const auto& issue : error.issues()) errors << issue.toString() << "\n";
        errors << error.issues().size() << " configuration error(s)" << consequence << "\n";
        return std::nullopt;
    }
}

} // namespace switchboard::core::app
