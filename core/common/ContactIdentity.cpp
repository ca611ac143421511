#include "core/common/ContactIdentity.h"

#include "core/common/Validation.h"

#include <algorithm>
#include <cctype>

namespace switchboard::core::common {

std::string ContactIdentity::key(std::string_view address) {
    auto text = trim(address);
    const auto colon = text.find(':');
    if (colon != std::string::npos && colon > 0 &&
        std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(colon),
                    [](unsigned char c) { return std::isalpha(c) != 0; })) {
        text.erase(0, colon + 1);
    }
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace switchboard::core::common
