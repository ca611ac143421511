#pragma once

#include <stdexcept>
#include <string>

namespace switchboard::sdk {

/// The one exception type that crosses the boundary between the hub and a plugin. A plugin may throw it (or any
/// std::exception) from `deliver`; the host turns it into a failed attempt that is retried.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message);
    ~Error() override;
};

} // namespace switchboard::sdk
