#pragma once

#include "core/common/TimeZone.h"
#include "core/config/WidgetConfig.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace switchboard::core::config {

/// Answers whether a widget's business hours are open at an instant, reading the windows as wall-clock times
/// in the schedule's time zone. A disabled schedule is always open.
class BusinessHoursCalendar {
public:
    /// How far ahead `nextChangeMs` looks.
    static constexpr std::int64_t LookaheadMs = 8LL * 24 * 60 * 60 * 1000;

    /// `zone` is the zone `hours.timezone` names. Throws std::invalid_argument for a window whose day or time
    /// is malformed (the config parser lets none through).
    BusinessHoursCalendar(const BusinessHours& hours, std::shared_ptr<const common::TimeZone> zone);

    /// True when the local weekday and time at `epochMs` fall inside a window, [open, close).
    bool isOpen(std::int64_t epochMs) const;

    /// The first instant after `epochMs` at which `isOpen` changes, if that is within `LookaheadMs`.
    std::optional<std::int64_t> nextChangeMs(std::int64_t epochMs) const;

private:
    struct Span {
        int openMinute;
        int closeMinute;
    };

    std::int64_t offsetMs(std::int64_t epochMs) const;
    bool isOpenLocal(std::int64_t localMs) const;
    /// The first local time after `localMs` at which a window opens or closes, or one past the lookahead.
    std::int64_t nextBoundaryLocal(std::int64_t localMs) const;

    bool _enabled;
    std::shared_ptr<const common::TimeZone> _zone;
    /// By weekday, Monday first.
    std::array<std::vector<Span>, 7> _spans;
    /// The opening and closing minutes of each weekday, ascending.
    std::array<std::vector<int>, 7> _boundaries;
};

} // namespace switchboard::core::config
