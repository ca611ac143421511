#pragma once

#include "core/common/Clock.h"
#include "core/conversation/ConversationTakenReaction.h"
#include "core/handover/HandoverEvents.h"
#include "core/store/HandoverRepository.h"

namespace switchboard::core::handover {

/// An agent took the conversation: its open handover request, if any, is complete (`handover:updated` once the
/// assignment has committed).
class HandoverCompletion final : public conversation::ConversationTakenReaction {
public:
    HandoverCompletion(const common::Clock& clock, HandoverEvents& events) : _clock(clock), _events(events) {}

    std::function<void()> taken(store::Sql& sql, const std::string& conversationId) override;

private:
    const common::Clock& _clock;
    HandoverEvents& _events;
    store::HandoverRepository _requests;
};

} // namespace switchboard::core::handover
