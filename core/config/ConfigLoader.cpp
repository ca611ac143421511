#include "core/config/ConfigLoader.h"

#include "core/config/ConfigError.h"
#include "core/config/ConfigId.h"
#include "core/config/HubConfigParser.h"
#include "core/config/ParseContext.h"
#include "core/config/WidgetConfigParser.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace switchboard::core::config {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view sqlitePrefix = "sqlite:";

std::string absolutePath(const fs::path& base, const std::string& value) {
    fs::path path(value);
    if (path.is_relative()) {
        path = base / path;
    }
    path = path.lexically_normal();
    if (!path.has_filename() && path != path.root_path()) {
        path = path.parent_path();
    }
    return path.string();
}

std::optional<std::string> readFile(const std::string& path, std::vector<ConfigIssue>& issues) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        issues.push_back({path, 0, "", std::string("cannot read the file: ") + std::strerror(errno)});
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::optional<YAML::Node> parseYaml(const std::string& text, ParseContext& ctx) {
    try {
        return YAML::Load(text);
    } catch (const YAML::Exception& e) {
        ctx.report(e.mark.line >= 0 ? e.mark.line + 1 : 0, "", "not valid YAML: " + e.msg);
        return std::nullopt;
    }
}

void throwIfAny(const std::vector<ConfigIssue>& found) {
    if (found.empty()) {
        return;
    }
    auto issues = found;
    std::stable_sort(issues.begin(), issues.end(), [](const ConfigIssue& a, const ConfigIssue& b) {
        return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
    throw ConfigError(std::move(issues));
}

} // namespace

ConfigLoader::ConfigLoader(EnvLookup env) : _env(std::move(env)) {}

HubConfig ConfigLoader::loadHub(const std::string& path) const {
    std::vector<ConfigIssue> issues;
    const auto text = readFile(path, issues);
    throwIfAny(issues);
    return parseHub(*text, path);
}

HubConfig ConfigLoader::parseHub(const std::string& yamlText, const std::string& path) const {
    std::vector<ConfigIssue> issues;
    ParseContext ctx{path, _env, issues};
    const auto root = parseYaml(yamlText, ctx);
    throwIfAny(issues);

    HubConfig hub = HubConfigParser(ctx).parse(*root);
    throwIfAny(issues);

    const fs::path cwd = fs::current_path();
    hub.sourceFile = absolutePath(cwd, path);
    const fs::path folder = fs::path(hub.sourceFile).parent_path();
    hub.widgetsDir = absolutePath(folder, hub.widgetsDir);
    hub.pluginDir = absolutePath(folder, hub.pluginDir);
    hub.server.webRoot = absolutePath(cwd, hub.server.webRoot);
    hub.database.url = absoluteDatabaseUrl(hub.database.url);
    return hub;
}

std::vector<WidgetConfig> ConfigLoader::loadWidgets(const HubConfig& hub) const {
    std::vector<ConfigIssue> issues;
    std::vector<fs::path> files;
    std::error_code error;
    for (fs::directory_iterator it(hub.widgetsDir, error), end; !error && it != end; it.increment(error)) {
        if (it->path().extension() == ".yaml" && it->is_regular_file()) {
            files.push_back(it->path());
        }
    }
    if (error) {
        issues.push_back({hub.sourceFile, 0, "widgets_dir",
                          "cannot list the widgets folder " + hub.widgetsDir + ": " + error.message()});
    }
    std::sort(files.begin(), files.end());

    std::vector<WidgetConfig> widgets;
    for (const auto& file : files) {
        if (const auto text = readFile(file.string(), issues)) {
            widgets.push_back(parseWidgetText(*text, file.string(), hub, issues));
        }
    }
    throwIfAny(issues);
    return widgets;
}

WidgetConfig ConfigLoader::parseWidget(const std::string& yamlText, const std::string& fileName,
                                       const HubConfig& hub) const {
    std::vector<ConfigIssue> issues;
    WidgetConfig widget = parseWidgetText(yamlText, absolutePath(hub.widgetsDir, fileName), hub, issues);
    throwIfAny(issues);
    return widget;
}

WidgetConfig ConfigLoader::parseWidgetText(const std::string& yamlText, const std::string& file,
                                           const HubConfig& hub, std::vector<ConfigIssue>& issues) const {
    ParseContext ctx{file, _env, issues};
    const fs::path path(file);
    if (path.extension() != ".yaml" || !isValidConfigId(path.stem().string())) {
        ctx.report(0, "", "a widget file must be named <id>.yaml, with an id matching [a-z0-9][a-z0-9_-]{0,63}");
    }
    const auto root = parseYaml(yamlText, ctx);
    if (!root) {
        return {};
    }
    WidgetConfig widget = WidgetConfigParser(ctx, hub).parse(*root);
    widget.id = path.stem().string();
    widget.sourceFile = file;
    return widget;
}

std::string ConfigLoader::absoluteDatabaseUrl(const std::string& url) {
    if (!url.starts_with(sqlitePrefix)) {
        return url;
    }
    const std::string path = url.substr(sqlitePrefix.size());
    if (path.empty() || path.starts_with(':') || path.starts_with("file:")) {
        return url; // `sqlite::memory:` and SQLite URI file names are left to SQLite
    }
    return std::string(sqlitePrefix) + absolutePath(fs::current_path(), path);
}

} // namespace switchboard::core::config
