#pragma once

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace switchboard::tests {

/// Checks a state machine's whole table: for every pair of statuses, `allows(from, to)` is true exactly when `to`
/// is `from` or among `allowed[from]`. Every status must be a key of `allowed`.
template <typename Status, typename Allows>
void expectTransitions(const std::map<Status, std::set<Status>>& allowed, Allows allows) {
    for (const auto& [from, targets] : allowed) {
        for (const auto& [to, ignored] : allowed) {
            EXPECT_EQ(allows(from, to), from == to || targets.contains(to))
                << toString(from) << " -> " << toString(to);
        }
    }
}

} // namespace switchboard::tests
