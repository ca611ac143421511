#pragma once

#include "core/config/ConfigError.h"
#include "tests/fuzz/FuzzCheck.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace switchboard::tests::fuzz {

/// What every refused configuration must say: at least one issue, each naming `file` and a line within `text`
/// (0 for the file as a whole; yaml-cpp may point one past the last line), with a message, all of them in what() in order,
/// which holds no control character but the line breaks between issues.
inline void checkConfigError(const core::config::ConfigError& error, const std::string& text, const std::string& file) {
    const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    check(!error.issues().empty());
    const std::string what = error.what();
    check(std::none_of(what.begin(), what.end(), [](unsigned char c) { return (c < 0x20 && c != '\n') || c == 0x7f; }));
    // what() is a header line, then the issues in order, a line each: walked once, not searched for each issue.
    std::size_t at = what.find('\n');
    check(at != std::string::npos);
    for (const auto& issue : error.issues()) {
        check(issue.file == file);
        check(issue.line >= 0 && issue.line <= lines);
        check(!issue.message.empty());
        const std::string listed = "\n  " + issue.toString();
        check(std::string_view(what).substr(at, listed.size()) == listed);
        at += listed.size();
    }
    check(at == what.size());
}

} // namespace switchboard::tests::fuzz
