#include "core/app/AdminCommand.h"
#include "core/app/CommandLine.h"
#include "core/app/ConfigCheck.h"
#include "core/app/Configuration.h"
#include "core/app/Hub.h"
#include "core/app/LogSetup.h"
#include "core/plugin_host/PluginError.h"

#include <Poco/Logger.h>

#include <csignal>
#include <iostream>
#include <optional>

using namespace switchboard::core;

namespace {

/// Blocks until SIGINT or SIGTERM; the signals are masked in every thread so that only this wait sees them.
void waitForTermination(sigset_t& signals) {
    int received = 0;
    sigwait(&signals, &received);
    Poco::Logger::get("hub").information("received %s, shutting down", std::string(strsignal(received)));
}

int run(const app::CommandLine& line) {
    if (line.command == app::CommandLine::Command::CheckConfig)
        return app::ConfigCheck::run(line, std::cout, std::cerr);
    if (line.command == app::CommandLine::Command::CreateAdmin)
        return app::AdminCommand::run(line, std::cin, std::cout, std::cerr);
    auto configuration = app::Configuration::loadOrReport(line, std::cerr, "; the hub did not start");
    if (!configuration) return 1;
    auto& hub = configuration->hub;
    app::configureLogging(hub.log);

    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    std::optional<app::Hub> server;
    try {
        server.emplace(hub, std::move(configuration->widgets));
    } catch (const plugin_host::PluginError& error) {
        for (const auto& problem : error.problems()) std::cerr << problem << "\n";
        std::cerr << error.problems().size() << " problem(s) with the channels; the hub did not start\n";
        return 1;
    }
    if (line.command == app::CommandLine::Command::Migrate) {
        server->migrate();
        return 0;
    }
    server->start();
    waitForTermination(signals);
    server->stop();
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
