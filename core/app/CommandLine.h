#pragma once

#include <optional>
#include <string>

namespace switchboard::core::app {

/// `switchboard [serve|migrate|check-config|create-admin EMAIL] --config FILE [--port N] [--db URL]`
struct CommandLine {
    enum class Command { Serve, Migrate, CheckConfig, CreateAdmin, Help, Version };
    Command command = Command::Serve;
    /// create-admin's email.
    std::string email;
    std::string configPath = "config/hub.yaml";
    std::optional<int> port;
    std::optional<std::string> databaseUrl;

    /// Throws std::invalid_argument with a message fit for the user.
    static CommandLine parse(int argc, char** argv);
    static const char* usage();
};

} // namespace switchboard::core::app
