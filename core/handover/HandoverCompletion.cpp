#include "core/handover/HandoverCompletion.h"

#include "core/handover/HandoverStateMachine.h"

namespace switchboard::core::handover {

std::function<void()> HandoverCompletion::taken(store::Sql& sql, const std::string& conversationId) {
    auto open = _requests.findOpenRequest(sql, conversationId);
    if (!open) return {};
    const auto now = _clock.nowMs();
    HandoverStateMachine::moveTo(*open, HandoverStatus::Completed, now);
    open->updatedAt = now;
    _requests.saveRequest(sql, *open);
    return [this, completed = *open] { _events.updated(completed); };
}

} // namespace switchboard::core::handover
