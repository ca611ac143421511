#pragma once

#include <cstdint>
#include <string>

namespace switchboard::core::presence {

/// An agent who has a conversation open, and since when.
struct Viewer {
    std::string agentId;
    std::int64_t sinceMs = 0;
};

} // namespace switchboard::core::presence
