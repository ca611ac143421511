#include "core/app/CommandLine.h"
#include "core/app/Hub.h"
#include "core/app/LogSetup.h"
#include "core/config/ConfigError.h"
#include "core/config/ConfigLoader.h"

#include <Poco/Logger.h>

#include <csignal>
#include <iostream>

using namespace switchboard::core;

namespace {

/// Blocks until SIGINT or SIGTERM; the signals are masked in every thread so that only this wait sees them.
void waitForTermination(sigset_t& signals) {
    int received = 0;
    sigwait(&signals, &received);
    Poco::Logger::get("hub").information("received %s, shutting down", std::string(strsignal(received)));
}

int run(const app::CommandLine& line) {
    config::ConfigLoader loader;
    config::HubConfig hub;
    std::vector<config::WidgetConfig> widgets;
    try {
        hub = loader.loadHub(line.configPath);
        widgets = loader.loadWidgets(hub);
    } catch (const config::ConfigError& error) {
        for (const auto& issue : error.issues()) std::cerr << issue.toString() << "\n";
        std::cerr << error.issues().size() << " configuration error(s); the hub did not start\n";
        return 1;
    }
    if (line.port) hub.server.port = *line.port;
    if (line.databaseUrl) hub.database.url = config::ConfigLoader::absoluteDatabaseUrl(*line.databaseUrl);

    if (line.command == app::CommandLine::Command::CheckConfig) {
        std::cout << "configuration OK: " << hub.sourceFile << " and " << widgets.size() << " widget(s)\n";
        return 0;
    }
    app::configureLogging(hub.log);

    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    app::Hub server(hub, std::move(widgets));
    if (line.command == app::CommandLine::Command::Migrate) {
        server.migrate();
        return 0;
    }
    server.start();
    waitForTermination(signals);
    server.stop();
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    try {
        const auto line = app::CommandLine::parse(argc, argv);
        if (line.command == app::CommandLine::Command::Help) {
            std::cout << app::CommandLine::usage();
            return 0;
        }
        if (line.command == app::CommandLine::Command::Version) {
            std::cout << "switchboard " << SWITCHBOARD_VERSION << "\n";
            return 0;
        }
        return run(line);
    } catch (const std::invalid_argument& error) {
        std::cerr << "switchboard: " << error.what() << "\n" << app::CommandLine::usage();
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "switchboard: " << error.what() << "\n";
        return 1;
    }
}
