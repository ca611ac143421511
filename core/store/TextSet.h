#pragma once

#include "core/store/DatabaseUrl.h"

#include <string>
#include <vector>

namespace switchboard::core::store {

/// A set of texts bound to one `?`, so that a statement reading the rows of a whole batch of keys has one text for
/// any number of them and stays prepared: one round trip for the batch instead of one per key.
class TextSet {
public:
    /// `(SELECT ...)`, a subquery yielding the texts bound to its one `?`: written after `IN`, or joined as a table
    /// whose one column is `value`.
    static const std::string& values(Dialect dialect);
    /// The texts as that one parameter (a JSON array).
    static std::string bind(const std::vector<std::string>& texts);
};

} // namespace switchboard::core::store
