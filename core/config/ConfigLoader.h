#pragma once

#include "core/config/ConfigError.h"
#include "core/config/EnvInterpolator.h"
#include "core/config/HubConfig.h"
#include "core/config/WidgetConfig.h"

#include <string>
#include <vector>

namespace switchboard::core::config {

/// Reads hub.yaml and the widget files, validates them strictly and throws one ConfigError that lists every
/// problem found. What it returns has `${ENV}` references resolved and every path absolute.
///
/// Relative paths: `widgets_dir` and `plugin_dir` are relative to the folder of hub.yaml, because they belong
/// with the configuration; `server.web_root` and a `sqlite:` database path are relative to the current
/// directory, because they name the running installation's files, not the configuration's.
class ConfigLoader {
public:
    explicit ConfigLoader(EnvLookup env = EnvInterpolator::processEnvironment());

    HubConfig loadHub(const std::string& path) const;

    /// The same from hub.yaml's text; `path` names the file in issues and anchors its relative paths.
    HubConfig parseHub(const std::string& yamlText, const std::string& path) const;

    /// Every `*.yaml` in `hub.widgetsDir`, sorted by file name; a widget's id is its file's base name.
    std::vector<WidgetConfig> loadWidgets(const HubConfig& hub) const;

    /// Validates one widget file's text before it is written. A relative `fileName` is taken to be inside
    /// `hub.widgetsDir`; its base name is the widget's id.
    WidgetConfig parseWidget(const std::string& yamlText, const std::string& fileName, const HubConfig& hub) const;

    /// A `sqlite:` URL with a relative path made absolute against the current directory; any other URL as is.
    static std::string absoluteDatabaseUrl(const std::string& url);

private:
    WidgetConfig parseWidgetText(const std::string& yamlText, const std::string& file, const HubConfig& hub,
                                 std::vector<ConfigIssue>& issues) const;

    EnvInterpolator _env;
};

} // namespace switchboard::core::config
