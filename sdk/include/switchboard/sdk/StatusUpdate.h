#pragma once

namespace switchboard::sdk {

/// What the host made of a provider's status callback (`HostServices::updateDeliveryStatus`).
enum class StatusUpdate {
    /// The delivery with that provider id now has the new status.
    Applied,
    /// The delivery already has this status or a later one (a late `sent` after `delivered`): nothing changed.
    Stale,
    /// No delivery of this channel instance has that provider id (yet: a callback may outrun the booking of the
    /// attempt that sent it; a provider that retries callbacks on 5xx may be answered with one).
    Unknown,
};

} // namespace switchboard::sdk
