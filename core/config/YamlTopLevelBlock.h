#pragma once

#include <string>

namespace switchboard::core::config {

/// Swaps one top-level key's block in a YAML file's text and leaves every other line (comments included) as it
/// was, so that editing a widget's handover block through the API keeps the operator's notes on the rest.
class YamlTopLevelBlock {
public:
    /// `text` with the block of top-level `key` (its line and everything indented or blank below it, up to the
    /// next top-level key, except comments standing right above that key) replaced by `block`, which must end
    /// with a newline. Without such a key, `block` is appended.
    static std::string replace(const std::string& text, const std::string& key, const std::string& block);
};

} // namespace switchboard::core::config
