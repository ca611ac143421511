#include "core/config/KeyLocator.h"

#include <yaml-cpp/yaml.h>

#include <vector>

namespace switchboard::core::config {

namespace {

std::vector<std::string> partsOf(const std::string& key) {
    std::vector<std::string> parts;
    std::string::size_type start = 0;
    for (auto dot = key.find('.'); dot != std::string::npos; dot = key.find('.', start)) {
        parts.push_back(key.substr(start, dot - start));
        start = dot + 1;
    }
    parts.push_back(key.substr(start));
    return parts;
}

/// The child of `node` named `name` (a map key, or a list index), with the line its key is written on. Nodes are
/// re-pointed with reset(): assigning one would write into the document.
bool child(const YAML::Node& node, const std::string& name, YAML::Node& found, int& line) {
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == name) {
                found.reset(it->second);
                line = it->first.Mark().line + 1;
                return true;
            }
        }
    } else if (node.IsSequence() && !name.empty() && name.find_first_not_of("0123456789") == std::string::npos) {
        const auto index = std::stoul(name);
        if (index < node.size()) {
            found.reset(node[index]);
            line = found.Mark().line + 1;
            return true;
        }
    }
    return false;
}

/// The line of `key` in a loaded document (see lineOf).
int lineInDocument(const YAML::Node& document, const std::string& key) {
    YAML::Node node;
    node.reset(document);
    int line = 0;
    const auto parts = partsOf(key);
    for (std::size_t i = 0; i < parts.size();) {
        // The longest run of parts written as one key (a flattened setting) that the file has.
        bool advanced = false;
        for (auto end = parts.size(); end > i && !advanced; --end) {
            std::string name = parts[i];
            for (auto j = i + 1; j < end; ++j) name += "." + parts[j];
            YAML::Node next;
            if (child(node, name, next, line)) {
                node.reset(next);
                i = end;
                advanced = true;
            }
        }
        if (!advanced) break;
    }
    return line;
}

} // namespace

int KeyLocator::lineOf(const std::string& file, const std::string& key) {
    try {
        return lineInDocument(YAML::LoadFile(file), key);
    } catch (const YAML::Exception&) {
        return 0;
    }
}

int KeyLocator::lineIn(const std::string& text, const std::string& key) {
    try {
        return lineInDocument(YAML::Load(text), key);
    } catch (const YAML::Exception&) {
        return 0;
    }
}

} // namespace switchboard::core::config
