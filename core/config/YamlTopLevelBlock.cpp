#include "core/config/YamlTopLevelBlock.h"

#include <sstream>
#include <vector>

namespace switchboard::core::config {

namespace {

bool isTopLevelKey(const std::string& line) {
    return !line.empty() && line[0] != ' ' && line[0] != '\t' && line[0] != '#' && line[0] != '-' &&
           line.find(':') != std::string::npos;
}

bool isCommentOrBlank(const std::string& line) {
    const auto first = line.find_first_not_of(" \t\r");
    return first == std::string::npos || line[first] == '#';
}

std::string keyOf(const std::string& line) {
    auto key = line.substr(0, line.find(':'));
    while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.pop_back();
    if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
        key = key.substr(1, key.size() - 2);
    return key;
}

} // namespace

std::string YamlTopLevelBlock::replace(const std::string& text, const std::string& key, const std::string& block) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);

    std::size_t start = 0;
    while (start < lines.size() && !(isTopLevelKey(lines[start]) && keyOf(lines[start]) == key)) ++start;
    if (start == lines.size()) {
        std::string out = text;
        if (!out.empty() && out.back() != '\n') out += '\n';
        return out + block;
    }
    std::size_t next = start + 1;
    while (next < lines.size() && !isTopLevelKey(lines[next])) ++next;
    // Comments right above the next key describe that key: they stay.
    std::size_t end = next;
    while (end > start + 1 && isCommentOrBlank(lines[end - 1])) --end;

    std::string out;
    for (std::size_t i = 0; i < start; ++i) out += lines[i] + "\n";
    out += block;
    for (std::size_t i = end; i < lines.size(); ++i) out += lines[i] + "\n";
    return out;
}

} // namespace switchboard::core::config
