#pragma once

#include "core/app/CommandLine.h"

#include <ostream>

namespace switchboard::core::app {

/// `switchboard check-config`: every check `serve` makes before it starts, without opening the database or a port.
/// The files first (hub.yaml, every widget file), then the channels: the plugins are loaded and refused as `serve`
/// refuses them, the channel instances are configured, and each widget's handover methods are checked by their
/// channel.
class ConfigCheck {
public:
    /// Writes each problem (`file:line: key: message`, or a plugin's file and what is wrong with it) to `errors`,
    /// or what was checked and the port and database the hub would use to `out`. Returns the exit status: 0 when
    /// all is well, 1 otherwise.
    static int run(const CommandLine& line, std::ostream& out, std::ostream& errors);
};

} // namespace switchboard::core::app
