#pragma once

#include <array>
#include <cstddef>
#include <utility>

namespace switchboard::core::common {

/// The moves a status may make, as (from, to) pairs; staying in the same status is always allowed.
template <typename Status, std::size_t Count>
class TransitionTable {
public:
    using Move = std::pair<Status, Status>;

    constexpr explicit TransitionTable(std::array<Move, Count> moves) : _moves(moves) {}

    constexpr bool allows(Status from, Status to) const {
        if (from == to) return true;
        for (const auto& move : _moves) {
            if (move.first == from && move.second == to) return true;
        }
        return false;
    }

private:
    std::array<Move, Count> _moves;
};

} // namespace switchboard::core::common
