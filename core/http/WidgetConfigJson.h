#pragma once

#include "core/config/WidgetConfig.h"

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>

namespace switchboard::core::http {

/// The public view of a widget's configuration for `GET /api/widget/config`: appearance, texts, pre-chat
/// fields, business hours as they stand now and the handover methods a visitor may pick. Channel settings and
/// secrets never appear here.
class WidgetConfigJson {
public:
    /// `nextChangeMs`: when the business hours next open or close, if known; `heartbeatS`: how often the widget
    /// says the visitor is still there (hub.yaml `presence.heartbeat_s`).
    static Poco::JSON::Object::Ptr render(const config::WidgetConfig& widget, std::size_t maxMessageChars,
                                          int heartbeatS, bool openNow, std::optional<std::int64_t> nextChangeMs);
};

} // namespace switchboard::core::http
