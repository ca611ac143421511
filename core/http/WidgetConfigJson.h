#pragma once

#include "core/config/WidgetConfig.h"

#include <Poco/JSON/Object.h>

namespace switchboard::core::http {

/// The public view of a widget's configuration for `GET /api/widget/config`: appearance, texts, pre-chat
/// fields and the handover methods a visitor may pick. Channel settings and secrets never appear here.
class WidgetConfigJson {
public:
    static Poco::JSON::Object::Ptr render(const config::WidgetConfig& widget, std::size_t maxMessageChars,
                                          bool openNow);
};

} // namespace switchboard::core::http
