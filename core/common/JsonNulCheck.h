#pragma once

#include <Poco/Dynamic/Var.h>

namespace switchboard::core::common {

/// Refuses U+0000 in JSON input. A JSON string may carry it (`"\u0000"`), but the databases end text there: what
/// follows would be lost without a word when the text is read back. Every string value of the input is looked at
/// once, where the input is parsed (HTTP bodies, socket events); POCO's parser already ends a key at U+0000.
class JsonNulCheck {
public:
    /// Throws 422 `validation_failed` naming the first field that holds U+0000: a dotted path into objects and
    /// `[i]` into arrays (`custom.plan`, `methods[0].name`).
    static void refuse(const Poco::Dynamic::Var& value);
};

} // namespace switchboard::core::common
