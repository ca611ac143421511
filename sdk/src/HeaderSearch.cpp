#include "HeaderSearch.h"

#include <algorithm>
#include <cctype>

namespace switchboard::sdk {

namespace {

bool equalIgnoringCase(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](unsigned char x, unsigned char y) {
        return std::tolower(x) == std::tolower(y);
    });
}

} // namespace

std::optional<std::string> HeaderSearch::first(const Headers& headers, std::string_view name) {
    const auto found = std::ranges::find_if(headers, [&](const auto& header) {
        return equalIgnoringCase(header.first, name);
    });
    if (found == headers.end()) return std::nullopt;
    return found->second;
}

} // namespace switchboard::sdk
