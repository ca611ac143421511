#include "core/handover/UrlRedactor.h"

#include "core/handover/SecretName.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>

namespace switchboard::core::handover {

namespace {

bool isSchemeChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '-' || c == '.';
}

/// Where the authority of `url` begins (after `scheme://`), or npos when `url` has none.
std::size_t authorityStart(const std::string& url) {
    const auto separator = url.find("://");
    if (separator == std::string::npos || separator == 0 || std::isalpha(static_cast<unsigned char>(url[0])) == 0)
        return std::string::npos;
    if (!std::all_of(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(separator), isSchemeChar))
        return std::string::npos;
    return separator + 3;
}

/// A query parameter's name as it reads: percent-decoded, or as written when that fails.
std::string decoded(const std::string& name) {
    try {
        std::string out;
        Poco::URI::decode(name, out, true);
        return out;
    } catch (const Poco::SyntaxException&) {
        return name;
    }
}

/// `query` (without its `?`) with the values of credential-like parameters masked.
std::string redactQuery(const std::string& query) {
    std::string out;
    std::size_t start = 0;
    while (start <= query.size()) {
        const auto end = std::min(query.find('&', start), query.size());
        const auto parameter = query.substr(start, end - start);
        const auto equals = parameter.find('=');
        const auto name = decoded(parameter.substr(0, equals));
        if (start > 0) out += '&';
        out += equals != std::string::npos && SecretName::isSecretParameter(name)
                   ? parameter.substr(0, equals + 1) + SecretName::Mask
                   : parameter;
        start = end + 1;
    }
    return out;
}

} // namespace

std::string UrlRedactor::redact(const std::string& url) {
    const auto authority = authorityStart(url);
    if (authority == std::string::npos) return url;
    const auto authorityEnd = std::min(url.find_first_of("/?#", authority), url.size());
    std::string out = url.substr(0, authority);
    const auto at = url.rfind('@', authorityEnd - 1);
    const bool hasUserInfo = at != std::string::npos && at >= authority && at < authorityEnd;
    out += hasUserInfo ? std::string(SecretName::Mask) + url.substr(at, authorityEnd - at)
                       : url.substr(authority, authorityEnd - authority);

    const auto queryStart = url.find('?', authorityEnd);
    const auto fragmentStart = std::min(url.find('#', authorityEnd), url.size());
    if (queryStart == std::string::npos || queryStart > fragmentStart) return out + url.substr(authorityEnd);
    out += url.substr(authorityEnd, queryStart + 1 - authorityEnd);
    out += redactQuery(url.substr(queryStart + 1, fragmentStart - queryStart - 1));
    return out + url.substr(fragmentStart);
}

} // namespace switchboard::core::handover
