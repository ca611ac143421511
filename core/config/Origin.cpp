#include "core/config/Origin.h"

#include <cctype>

namespace switchboard::core::config {

namespace {

std::string lowered(std::string_view text) {
    std::string result(text);
    for (char& c : result) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return result;
}

bool isHostName(std::string_view host) {
    if (host.empty() || host.front() == '.' || host.front() == '-') {
        return false;
    }
    for (char c : host) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') {
            return false;
        }
    }
    return true;
}

bool isIpv6Literal(std::string_view host) {
    if (host.size() < 4 || host.front() != '[' || host.back() != ']') {
        return false;
    }
    for (char c : host.substr(1, host.size() - 2)) {
        if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') {
            return false;
        }
    }
    return true;
}

std::optional<Origin> fail(std::string* problem, std::string why) {
    if (problem) {
        *problem = std::move(why);
    }
    return std::nullopt;
}

} // namespace

std::optional<Origin> Origin::parse(std::string_view text, std::string* problem) {
    const auto separator = text.find("://");
    if (separator == std::string_view::npos) {
        return fail(problem, "must look like scheme://host[:port]");
    }
    Origin origin;
    origin.scheme = lowered(text.substr(0, separator));
    if (origin.scheme != "http" && origin.scheme != "https") {
        return fail(problem, "scheme must be http or https");
    }
    std::string_view authority = text.substr(separator + 3);
    const auto extra = authority.find_first_of("/?#");
    if (extra != std::string_view::npos) {
        return fail(problem, authority[extra] == '/' && extra + 1 == authority.size()
                                 ? "must not end with '/' (an origin has no path)"
                                 : "must not have a path, query or fragment");
    }
    if (authority.find('@') != std::string_view::npos) {
        return fail(problem, "must not contain user info");
    }
    std::string_view host = authority;
    std::optional<std::string_view> port;
    const auto colon = authority.rfind(':');
    if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
        host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
    }
    if (!isHostName(host) && !isIpv6Literal(host)) {
        return fail(problem, "host '" + std::string(host) + "' is not a valid host name or address");
    }
    origin.host = lowered(host);
    if (!port) {
        origin.port = origin.scheme == "https" ? 443 : 80;
        return origin;
    }
    if (port->empty() || port->size() > 5 || port->find_first_not_of("0123456789") != std::string_view::npos) {
        return fail(problem, "port must be a number between 1 and 65535");
    }
    origin.port = std::stoi(std::string(*port));
    if (origin.port < 1 || origin.port > 65535) {
        return fail(problem, "port must be a number between 1 and 65535");
    }
    return origin;
}

bool isHttpUrl(std::string_view url) {
    const auto schemeEnd = url.find("://");
    if (schemeEnd == std::string_view::npos) {
        return false;
    }
    return Origin::parse(url.substr(0, url.find_first_of("/?#", schemeEnd + 3))).has_value();
}

} // namespace switchboard::core::config
