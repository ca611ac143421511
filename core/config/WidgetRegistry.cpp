#include "core/config/WidgetRegistry.h"

#include "core/config/Origin.h"

#include <mutex>

namespace switchboard::core::config {

WidgetRegistry::WidgetRegistry(std::vector<WidgetConfig> widgets) {
    for (auto& widget : widgets) {
        auto id = widget.id;
        _widgets[std::move(id)] = std::make_shared<const WidgetConfig>(std::move(widget));
    }
}

std::shared_ptr<const WidgetConfig> WidgetRegistry::find(const std::string& id) const {
    std::shared_lock lock(_mutex);
    const auto it = _widgets.find(id);
    return it == _widgets.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<const WidgetConfig>> WidgetRegistry::all() const {
    std::shared_lock lock(_mutex);
    std::vector<std::shared_ptr<const WidgetConfig>> widgets;
    widgets.reserve(_widgets.size());
    for (const auto& [id, widget] : _widgets) {
        widgets.push_back(widget);
    }
    return widgets;
}

void WidgetRegistry::replace(WidgetConfig widget) {
    auto id = widget.id;
    auto snapshot = std::make_shared<const WidgetConfig>(std::move(widget));
    std::unique_lock lock(_mutex);
    _widgets[std::move(id)] = std::move(snapshot);
}

bool WidgetRegistry::originAllowedByAny(const std::string& origin) const {
    for (const auto& widget : all()) {
        if (originAllowed(*widget, origin)) {
            return true;
        }
    }
    return false;
}

bool WidgetRegistry::originAllowed(const WidgetConfig& widget, const std::string& origin) {
    const auto requested = Origin::parse(origin);
    for (const auto& allowed : widget.allowedOrigins) {
        if (allowed == "*") {
            return true;
        }
        if (requested && Origin::parse(allowed) == requested) {
            return true;
        }
    }
    return false;
}

} // namespace switchboard::core::config
