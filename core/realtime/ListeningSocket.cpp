#include "core/realtime/ListeningSocket.h"

#include <Poco/Net/SocketAddress.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace switchboard::core::realtime {

ListeningSocket::ListeningSocket(const std::string& address, std::uint16_t port, int backlog) {
    const Poco::Net::SocketAddress where(address, port);
    const auto describe = [&] { return address + ":" + std::to_string(port); };
    _fd = ::socket(where.family() == Poco::Net::AddressFamily::IPv6 ? AF_INET6 : AF_INET,
                   SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (_fd < 0) throw std::runtime_error("cannot create a socket for " + describe() + ": " + std::strerror(errno));
    const int on = 1;
    ::setsockopt(_fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (::bind(_fd, where.addr(), where.length()) != 0) {
        const int error = errno;
        ::close(_fd);
        if (error == EADDRINUSE) throw std::runtime_error("port " + std::to_string(port) + " is already in use");
        throw std::runtime_error("cannot listen on " + describe() + ": " + std::strerror(error));
    }
    if (::listen(_fd, backlog) != 0) {
        const int error = errno;
        ::close(_fd);
        throw std::runtime_error("cannot listen on " + describe() + ": " + std::strerror(error));
    }
    sockaddr_storage bound{};
    socklen_t length = sizeof bound;
    ::getsockname(_fd, reinterpret_cast<sockaddr*>(&bound), &length);
    _port = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                              : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
}

ListeningSocket::~ListeningSocket() { ::close(_fd); }

std::string ListeningSocket::peerAddressOf(const void* sockaddrStorage) {
    const auto* storage = static_cast<const sockaddr_storage*>(sockaddrStorage);
    char text[INET6_ADDRSTRLEN] = {};
    if (storage->ss_family == AF_INET) {
        ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(storage)->sin_addr, text, sizeof text);
        return text;
    }
    const auto& address = reinterpret_cast<const sockaddr_in6*>(storage)->sin6_addr;
    if (IN6_IS_ADDR_V4MAPPED(&address)) {
        ::inet_ntop(AF_INET, &address.s6_addr[12], text, sizeof text);
    } else {
        ::inet_ntop(AF_INET6, &address, text, sizeof text);
    }
    return text;
}

} // namespace switchboard::core::realtime
