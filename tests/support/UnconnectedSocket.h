#pragma once

#include <sys/socket.h>

namespace switchboard::tests {

/// A TCP socket that is never connected, for a Connection that tests reach only through a fake loop; the
/// Connection owns and closes it.
inline int unconnectedSocket() { return ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0); }

} // namespace switchboard::tests
