#pragma once

#include <cstddef>

namespace switchboard::core::app {

/// Raises the process's open-file limit to its hard limit: every client connection is a file descriptor, and
/// the usual soft limit (1024) would cap the hub far below `server.max_connections`. Logs a warning when even
/// the hard limit is below `wanted`.
void raiseFileLimit(std::size_t wanted);

} // namespace switchboard::core::app
