#pragma once

#include "switchboard/sdk/HttpClient.h"

#include <optional>
#include <string>
#include <string_view>

namespace switchboard::sdk {

/// Finds headers by name the way HTTP compares them: ignoring case.
class HeaderSearch {
public:
    /// The value of the first header called `name`, if any.
    static std::optional<std::string> first(const Headers& headers, std::string_view name);
};

} // namespace switchboard::sdk
