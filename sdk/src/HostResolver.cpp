#include "HostResolver.h"

#include "switchboard/sdk/HttpClient.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <memory>

namespace switchboard::sdk {

namespace {

std::string textOf(const addrinfo& info) {
    std::array<char, INET6_ADDRSTRLEN> text{};
    const void* address = info.ai_family == AF_INET
                              ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in*>(info.ai_addr)->sin_addr)
                              : &reinterpret_cast<const sockaddr_in6*>(info.ai_addr)->sin6_addr;
    inet_ntop(info.ai_family, address, text.data(), text.size());
    return text.data();
}

} // namespace

std::vector<std::string> HostResolver::resolve(const std::string& host) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const int status = getaddrinfo(host.c_str(), nullptr, &hints, &found);
    if (status != 0) {
        throw HttpError(HttpError::Kind::Connect, "could not resolve " + host + ": " + gai_strerror(status));
    }
    const std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> owner(found, freeaddrinfo);

    std::vector<std::string> addresses;
    for (const addrinfo* info = found; info != nullptr; info = info->ai_next) {
        if (info->ai_family != AF_INET && info->ai_family != AF_INET6) continue;
        std::string address = textOf(*info);
        if (std::ranges::find(addresses, address) == addresses.end()) addresses.push_back(std::move(address));
    }
    if (addresses.empty()) throw HttpError(HttpError::Kind::Connect, "could not resolve " + host + ": no IP address");
    return addresses;
}

} // namespace switchboard::sdk
