#pragma once

#include <string>

namespace switchboard::sdk {

/// What became of a message posted with `HostServices::postInboundMessage`. Never lost silently: a refusal is also
/// logged by the host and counted per channel instance for the operator.
struct InboundOutcome {
    enum class Kind {
        /// Stored as a new message of `conversationId`.
        Stored,
        /// A message with the same `externalId` is already in `conversationId`: stored once.
        Duplicate,
        /// Not stored; `reason` says why (no conversation matches and the widget refuses unmatched messages, an
        /// unknown widget, an empty or too long text, ...).
        Refused,
    };

    Kind kind = Kind::Refused;
    /// The conversation it landed in; empty when refused.
    std::string conversationId;
    /// A new conversation was opened for it (none matched and the widget's `inbound.unmatched` is `open`).
    bool openedConversation = false;
    /// Why it was refused, for the operator; empty otherwise.
    std::string reason;

    static InboundOutcome stored(std::string conversationId, bool openedConversation);
    static InboundOutcome duplicate(std::string conversationId);
    static InboundOutcome refused(std::string reason);
};

} // namespace switchboard::sdk
