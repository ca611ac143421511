#pragma once

#include "switchboard/sdk/ChannelDescription.h"
#include "switchboard/sdk/Delivery.h"
#include "switchboard/sdk/DeliveryResult.h"
#include "switchboard/sdk/HostServices.h"
#include "switchboard/sdk/Inbound.h"
#include "switchboard/sdk/Settings.h"
#include "switchboard/sdk/TestResult.h"

namespace switchboard::sdk {

/// A way to reach a person: the one interface a channel plugin implements.
///
/// When it loads the plugin, the host creates one object to ask it `describe`. Then it creates one object per channel
/// instance in hub.yaml, calls `configure` once, then `deliver` (and `test`) from its delivery threads, possibly
/// several at a time: an implementation must be thread-safe. The host enforces a time limit per delivery; a call
/// that throws or overruns fails that attempt (which is retried), never the hub.
class Channel {
public:
    virtual ~Channel();

    /// What the channel is, the handover methods it can back and the settings it reads. Called once, on an object
    /// that is never configured. Default: nothing described (the plugin's name is shown; a widget's method of this
    /// channel then gets the hub's generic label and confirmation unless its file gives them).
    virtual ChannelDescription describe() const;

    /// Takes the instance's settings from hub.yaml and the host's services (kept for the object's life). Returns
    /// what is wrong with the settings, naming each key; any error stops the hub from starting.
    virtual SettingErrors configure(const Settings& settings, HostServices& host) = 0;

    /// Checks the settings a widget's handover method gives this channel (a webhook's `url` and `secret`), when
    /// the widget's configuration is loaded or changed. Default: no method settings are needed, none are refused.
    virtual SettingErrors validateMethod(const Settings& methodSettings) const;

    /// Delivers one attempt. Throwing counts as `DeliveryResult::retry` with the exception's message.
    virtual DeliveryResult deliver(const Delivery& delivery) = 0;

    /// "Test" in the portal: sends a harmless message with a handover method's settings, the way deliveries go, and
    /// says how the destination answered. Default: `TestResult::Outcome::NotSupported`.
    virtual TestResult test(const Settings& methodSettings);

    /// A provider's callback to this instance. Default: 404, the channel takes none.
    virtual InboundResult inbound(const InboundRequest& request);
};

} // namespace switchboard::sdk
