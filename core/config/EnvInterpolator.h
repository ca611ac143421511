#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace switchboard::core::config {

/// Looks up one environment variable; empty when it is not set.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;

/// Expands `${NAME}` references inside configuration strings. `$${` stands for a literal `${`.
class EnvInterpolator {
public:
    struct Result {
        std::string value;
        /// Empty on success. Names the variables or the malformed reference, never a variable's value.
        std::string problem;
    };

    explicit EnvInterpolator(EnvLookup lookup);

    Result interpolate(std::string_view text) const;

    /// Reads the process environment.
    static EnvLookup processEnvironment();

private:
    EnvLookup _lookup;
};

} // namespace switchboard::core::config
