#include "core/conversation/VisitorChannels.h"

namespace switchboard::core::conversation {

void VisitorChannels::add(std::string instance, std::string displayName, sdk::VisitorReach reach) {
    if (reach == sdk::VisitorReach::None) return;
    _entries.push_back({std::move(instance), std::move(displayName), reach});
}

const VisitorChannels::Entry* VisitorChannels::find(const std::string& instance) const {
    for (const auto& entry : _entries) {
        if (entry.instance == instance) return &entry;
    }
    return nullptr;
}

std::optional<VisitorChannels::Reach> VisitorChannels::reach(const std::string& instance,
                                                             const std::optional<std::string>& email,
                                                             const std::optional<std::string>& phone) const {
    const auto* entry = find(instance);
    if (!entry) return std::nullopt;
    const auto& contact = entry->reach == sdk::VisitorReach::Email ? email : phone;
    if (!contact || contact->empty()) return std::nullopt;
    return Reach{instance, entry->displayName, *contact};
}

std::optional<VisitorChannels::Reach> VisitorChannels::reachAt(const std::string& instance,
                                                               const std::string& address) const {
    const auto* entry = find(instance);
    if (!entry || address.empty()) return std::nullopt;
    return Reach{instance, entry->displayName, address};
}

std::optional<VisitorChannels::Reach> VisitorChannels::current(const ConversationView& view) const {
    const auto& c = view.conversation;
    if (!c.visitorChannel || !c.visitorAddress) return std::nullopt;
    const auto* entry = find(*c.visitorChannel);
    // An instance no longer configured is still where the visitor was reached, under its own name.
    return Reach{*c.visitorChannel, entry ? entry->displayName : *c.visitorChannel, *c.visitorAddress};
}

std::vector<VisitorChannels::Reach> VisitorChannels::options(const ConversationView& view) const {
    std::vector<Reach> out;
    for (const auto& entry : _entries) {
        auto found = entry.instance == view.conversation.visitorChannel
                         ? current(view)
                         : reach(entry.instance, view.visitor.email, view.visitor.phone);
        if (found) out.push_back(std::move(*found));
    }
    return out;
}

} // namespace switchboard::core::conversation
