#pragma once

#include "switchboard/sdk/HttpClient.h"
#include "switchboard/sdk/Inbound.h"
#include "switchboard/sdk/InboundOutcome.h"
#include "switchboard/sdk/ProviderStatus.h"
#include "switchboard/sdk/StatusUpdate.h"

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::sdk {

/// Where a plugin's log lines go; the host prefixes them with the channel instance's name.
class Logger {
public:
    virtual ~Logger();
    virtual void info(const std::string& message) = 0;
    virtual void warning(const std::string& message) = 0;
    virtual void error(const std::string& message) = 0;
};

/// The host's clock (tests move it by hand).
class Clock {
public:
    virtual ~Clock();
    /// Milliseconds since the Unix epoch, UTC.
    virtual std::int64_t nowMs() const = 0;
};

/// A notification for the agents who serve a widget, shown in the portal's bell (`notification:new`).
struct AgentNotification {
    std::string widgetId;
    std::string conversationId;
    /// e.g. "Ada Lovelace asks for a person".
    std::string title;
    std::string body;
};

/// What the hub offers a plugin. One object per channel instance, valid for the life of the process; every
/// function is safe to call from any thread and never from inside `configure`'s caller's locks.
class HostServices {
public:
    virtual ~HostServices();
    virtual HttpClient& http() = 0;
    virtual Logger& logger() = 0;
    virtual const Clock& clock() = 0;
    /// A secret from the hub's environment by name (`CRM_WEBHOOK_SECRET`), if set.
    virtual std::optional<std::string> secret(const std::string& name) = 0;
    /// Posts a message from outside into a conversation: the one it names, else the contact's open conversation in
    /// its widget, else a new one or none, as the widget's `inbound.unmatched` says. A repeated `externalId` is
    /// stored once. Says where it landed, or why it was refused (the host also logs and counts refusals).
    virtual InboundOutcome postInboundMessage(const InboundMessage& message) = 0;
    /// A provider's status callback for what this channel instance sent: the delivery whose `providerId` (from its
    /// DeliveryResult) is `providerId` gets `status`, with the provider's error code and text for a failure (else
    /// empty), if the status moves forward (see ProviderStatus); agents see the change live.
    virtual StatusUpdate updateDeliveryStatus(const std::string& providerId, ProviderStatus status,
                                              const std::string& errorCode, const std::string& errorText) = 0;
    /// Records that the contact at `address` (as the channel names it: `whatsapp:+447700900123`, an email address)
    /// opted out of this channel instance (`optedOut`) or back in. While opted out, the host refuses deliveries of
    /// this instance to that contact with a `failed` result, without calling the channel.
    virtual void optOut(const std::string& address, bool optedOut) = 0;
    /// Shows `notification` to the agents of its widget, live; returns how many of them are online now (present
    /// with a fresh heartbeat and at least one open portal), so 0 means nobody saw it yet.
    virtual int notifyAgents(const AgentNotification& notification) = 0;
};

} // namespace switchboard::sdk
