#pragma once

#include "core/config/WidgetConfig.h"

#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

namespace switchboard::core::config {

/// The widgets the hub serves. Readers get immutable snapshots, so a widget replaced at run time (after an edit
/// through the API) never changes under a request that is still using the old one.
class WidgetRegistry {
public:
    explicit WidgetRegistry(std::vector<WidgetConfig> widgets);

    std::shared_ptr<const WidgetConfig> find(const std::string& id) const;
    /// Sorted by id.
    std::vector<std::shared_ptr<const WidgetConfig>> all() const;
    /// Adds the widget, or replaces the one with the same id.
    void replace(WidgetConfig widget);
    bool originAllowedByAny(const std::string& origin) const;

    /// `*` allows every origin; otherwise scheme, host and port must match one of the widget's origins, scheme
    /// and host ignoring case, and a default port (80, 443) equal to no port.
    static bool originAllowed(const WidgetConfig& widget, const std::string& origin);

private:
    mutable std::shared_mutex _mutex;
    std::map<std::string, std::shared_ptr<const WidgetConfig>> _widgets;
};

} // namespace switchboard::core::config
