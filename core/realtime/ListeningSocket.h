#pragma once

#include <cstdint>
#include <string>

namespace switchboard::core::realtime {

/// The hub's listening TCP socket, non-blocking, shared by the event loops that accept from it.
///
/// Bound with SO_REUSEADDR (a restart need not wait out TIME_WAIT) and never SO_REUSEPORT: a second hub started on
/// the same port must fail, not share the port and receive half of the first one's clients.
class ListeningSocket {
public:
    /// Throws std::runtime_error naming the address and port when it cannot listen ("port 8080 is already in use").
    ListeningSocket(const std::string& address, std::uint16_t port, int backlog);
    ~ListeningSocket();
    ListeningSocket(const ListeningSocket&) = delete;
    ListeningSocket& operator=(const ListeningSocket&) = delete;

    int fd() const { return _fd; }
    /// The port actually bound (the one asked for, or the one the system chose for 0).
    std::uint16_t port() const { return _port; }

    /// A socket's peer as text; an IPv4 client on an IPv6 socket as plain IPv4 (`::ffff:192.0.2.1` → `192.0.2.1`).
    static std::string peerAddressOf(const void* sockaddrStorage);

private:
    int _fd = -1;
    std::uint16_t _port = 0;
};

} // namespace switchboard::core::realtime
