#include "core/app/AdminCommand.h"

#include "core/app/Configuration.h"
#include "core/app/SchemaUpgrade.h"
#include "core/auth/AgentService.h"
#include "core/auth/PasswordHasher.h"
#include "core/common/ApiError.h"
#include "core/common/Clock.h"
#include "core/events/LocalEventBus.h"
#include "core/store/Database.h"

#include <Poco/Environment.h>

#include <termios.h>
#include <unistd.h>

namespace switchboard::core::app {

namespace {

/// Turns the terminal's echo off while it lives, when standard input is a terminal.
class HiddenInput {
public:
    HiddenInput() : _terminal(isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &_saved) == 0) {
        if (!_terminal) return;
        auto quiet = _saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    ~HiddenInput() {
        if (_terminal) tcsetattr(STDIN_FILENO, TCSAFLUSH, &_saved);
    }
    HiddenInput(const HiddenInput&) = delete;
    HiddenInput& operator=(const HiddenInput&) = delete;

    bool terminal() const { return _terminal; }

private:
    termios _saved{};
    bool _terminal;
};

std::string readPassword(const std::string& email, std::istream& in, std::ostream& errors) {
    auto password = Poco::Environment::get("SWITCHBOARD_ADMIN_PASSWORD", "");
    if (!password.empty()) return password;
    const HiddenInput hidden;
    if (hidden.terminal()) errors << "password for " << email << ": " << std::flush;
    std::getline(in, password);
    if (hidden.terminal()) errors << "\n";
    return password;
}

} // namespace

int AdminCommand::run(const CommandLine& line, std::istream& in, std::ostream& out, std::ostream& errors) {
    const auto configuration = Configuration::loadOrReport(line, errors);
    if (!configuration) return 1;
    const auto password = readPassword(line.email, in, errors);
    const auto& hub = configuration->hub;
    try {
        store::Database database(store::DatabaseUrl::parse(hub.database.url), 1, hub.database.poolWaitMs);
        common::SystemClock clock;
        SchemaUpgrade::apply(database, clock.nowMs());
        const auth::PasswordHasher hasher(auth::PasswordHasher::Strength::Interactive);
        events::LocalEventBus bus;
        auth::AgentService agents(database, hasher, clock, [](const std::string&) { return true; }, bus);
        const auto admin = agents.createAdmin(line.email, password);
        out << "created admin agent " << admin.email << "\n";
        return 0;
    } catch (const common::ApiError& error) {
        errors << "switchboard: create-admin: " << error.what() << "\n";
        return 1;
    }
}

} // namespace switchboard::core::app
