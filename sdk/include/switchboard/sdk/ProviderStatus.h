#pragma once

#include <optional>
#include <string_view>

namespace switchboard::sdk {

/// Where a provider says a message it accepted stands, as its status callbacks report it (a Twilio
/// `MessageStatus`, after the channel mapped it). Statuses only move forward:
/// `queued → sent → delivered → read`, and `failed` or `undelivered` (both final) while the message was not yet
/// delivered. A status that does not move forward (a late `sent` after `delivered`) is ignored by the host.
enum class ProviderStatus { Queued, Sent, Delivered, Read, Failed, Undelivered };

/// The name the API, the database and the socket use ("queued", ..., "undelivered"); the only place they are spelt.
std::string_view toString(ProviderStatus status);

/// The status a name stands for; nothing for any other text (names are lower case, as `toString` gives them).
std::optional<ProviderStatus> parseProviderStatus(std::string_view name);

/// `failed` and `undelivered`: nothing follows them.
bool isFinal(ProviderStatus status);

/// Whether `next` may follow `current` (nothing: no status reported yet, so any may).
bool movesForward(std::optional<ProviderStatus> current, ProviderStatus next);

} // namespace switchboard::sdk
