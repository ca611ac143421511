#pragma once

#include "core/realtime/EventCall.h"

#include <functional>
#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace switchboard::core::realtime {

/// The events one side of the contract may send, by name, each with its handler.
class EventTable {
public:
    using Handler = std::function<void(EventCall&)>;

    EventTable(std::initializer_list<std::pair<const std::string_view, Handler>> handlers) : _handlers(handlers) {}

    /// Runs the handler of `name`; false when the table has none.
    bool dispatch(std::string_view name, EventCall& call) const {
        const auto found = _handlers.find(name);
        if (found == _handlers.end()) return false;
        found->second(call);
        return true;
    }

private:
    std::unordered_map<std::string_view, Handler> _handlers;
};

} // namespace switchboard::core::realtime
