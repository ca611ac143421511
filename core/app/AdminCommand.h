#pragma once

#include "core/app/CommandLine.h"

#include <istream>
#include <ostream>

namespace switchboard::core::app {

/// `switchboard create-admin EMAIL`: adds an admin agent to the hub's database (its schema brought up to date first,
/// as `serve` would), for a hub without one. The password comes from SWITCHBOARD_ADMIN_PASSWORD or, when that is
/// unset, from the first line of `in` (not echoed when it is a terminal); it is hashed with Argon2id and must pass
/// the policy every password passes.
class AdminCommand {
public:
    /// Returns the exit status: 0 once the admin is stored, 1 with the reason on `errors` otherwise.
    static int run(const CommandLine& line, std::istream& in, std::ostream& out, std::ostream& errors);
};

} // namespace switchboard::core::app
