// libFuzzer target for the widget file reader (core/config: ConfigLoader::parseWidget, WidgetConfigParser,
// YamlMap, business hours, origins). Input: the text of widgets/shop.yaml, read against a hub with a portal, a
// webhook and an email channel. It is accepted as widget `shop` or refused with a ConfigError whose every issue
// names the file and a line within the input. Any other exception traps.
// Built and run by tests/fuzz/run.

#include "core/config/ConfigLoader.h"
#include "tests/fuzz/ConfigErrorCheck.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace switchboard::core::config;
using switchboard::tests::fuzz::check;
using switchboard::tests::fuzz::checkConfigError;

namespace {

const std::string WidgetFile = "/etc/switchboard/widgets/shop.yaml";

std::optional<std::string> environment(const std::string& name) {
    if (name == "CRM_WEBHOOK_SECRET") return "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    return std::nullopt;
}

const HubConfig& hub(const ConfigLoader& loader) {
    static const HubConfig config = loader.parseHub(R"(channels:
  portal: { plugin: portal }
  webhook: { plugin: webhook }
  email: { plugin: email }
  sms: { plugin: sms }
  whatsapp: { plugin: whatsapp }
)",
                                                    "/etc/switchboard/hub.yaml");
    return config;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ConfigLoader loader(environment);
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const WidgetConfig widget = loader.parseWidget(text, "shop.yaml", hub(loader));
        check(widget.id == "shop");
        check(widget.sourceFile == WidgetFile);
    } catch (const ConfigError& error) {
        checkConfigError(error, text, WidgetFile);
    }
    return 0;
}
