#pragma once

#include <string>

namespace switchboard::core::config {

/// Finds where a dotted key (`channels.crm.settings.url`, `handover.methods.webhook.secret`) is written in a YAML
/// file, for problems found after loading (by a plugin) to carry a line like the loader's own.
class KeyLocator {
public:
    /// The 1-based line of `key` in `file`: of its deepest part that is written there (a key the file lacks is
    /// reported where its parent is), or 0 when the file cannot be read or the key's first part is not in it.
    /// A part may itself contain dots (settings are flattened: `a: {b: 1}` is `a.b`).
    static int lineOf(const std::string& file, const std::string& key);
    /// The same, in YAML `text` not written to a file yet (a widget file an edit would write); 0 when `text` is not
    /// YAML.
    static int lineIn(const std::string& text, const std::string& key);
};

} // namespace switchboard::core::config
