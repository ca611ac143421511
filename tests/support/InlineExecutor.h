#pragma once

#include "core/common/Executor.h"

namespace switchboard::tests {

/// Runs submitted work at once, on the caller's thread; or refuses it all, as a saturated pool does.
class InlineExecutor final : public core::common::Executor {
public:
    bool submit(Task task) override {
        if (refusing) return false;
        task();
        return true;
    }

    bool refusing = false;
};

} // namespace switchboard::tests
