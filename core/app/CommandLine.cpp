#include "core/app/CommandLine.h"

#include <charconv>
#include <stdexcept>

namespace switchboard::core::app {

const char* CommandLine::usage() {
    return "usage: switchboard [serve|migrate|check-config|create-admin EMAIL] [--config FILE] [--port N] [--db URL]\n"
           "  serve          run the hub (default)\n"
           "  migrate        apply pending database migrations and exit\n"
           "  check-config   run every check serve runs before it starts (hub.yaml, every widget file, the\n"
           "                 plugins and channels), print each error, exit 1 if any\n"
           "  create-admin EMAIL  add an admin agent; the password is read from SWITCHBOARD_ADMIN_PASSWORD or,\n"
           "                 when that is unset, from standard input\n"
           "  --config FILE  hub configuration (default: config/hub.yaml)\n"
           "  --port N       listen on port N instead of server.port\n"
           "  --db URL       sqlite:PATH or postgresql://user:pass@host:port/db instead of database.url\n"
           "  --version      print the version\n";
}

CommandLine CommandLine::parse(int argc, char** argv) {
    CommandLine line;
    bool commandSeen = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        std::string value;
        bool inlineValue = false;
        if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
            inlineValue = true;
        }
        auto next = [&]() -> std::string {
            if (inlineValue) return value;
            if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--config" || arg == "-c") {
            line.configPath = next();
        } else if (arg == "--port" || arg == "-p") {
            const auto text = next();
            int port = 0;
            auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
            if (error != std::errc() || end != text.data() + text.size() || port < 0 || port > 65535)
                throw std::invalid_argument("--port must be a number from 0 to 65535");
            line.port = port;
        } else if (arg == "--db") {
            line.databaseUrl = next();
        } else if (arg == "--help" || arg == "-h" || arg == "help") {
            line.command = Command::Help;
        } else if (arg == "--version") {
            line.command = Command::Version;
        } else if (!commandSeen && (arg == "serve" || arg == "migrate" || arg == "check-config")) {
            commandSeen = true;
            line.command = arg == "serve" ? Command::Serve : arg == "migrate" ? Command::Migrate : Command::CheckConfig;
        } else if (!commandSeen && arg == "create-admin") {
            commandSeen = true;
            line.command = Command::CreateAdmin;
            if (i + 1 >= argc || std::string(argv[i + 1]).rfind("--", 0) == 0)
                throw std::invalid_argument("create-admin needs the new admin's email");
            line.email = argv[++i];
        } else {
            throw std::invalid_argument("unknown argument: " + arg);
        }
    }
    return line;
}

} // namespace switchboard::core::app
