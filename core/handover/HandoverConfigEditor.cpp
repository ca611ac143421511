#include "core/handover/HandoverConfigEditor.h"

#include "core/common/ApiError.h"
#include "core/common/AtomicFile.h"
#include "core/common/JsonValues.h"
#include "core/config/KeyLocator.h"
#include "core/config/YamlTopLevelBlock.h"
#include "core/handover/UrlRedactor.h"

#include <Poco/JSON/Array.h>

#include <switchboard/sdk/HttpClient.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace switchboard::core::handover {

using common::ApiError;

namespace {

const std::string Prefix = "handover.";

[[noreturn]] void invalid(const std::string& field, const std::string& message) {
    throw ApiError::invalid("validation_failed", field + ": " + message, field);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("could not read " + path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string text(const Poco::JSON::Object::Ptr& object, const std::string& key, const std::string& field) {
    const auto value = object->get(key);
    if (!value.isString()) invalid(field, "must be a string");
    return value.convert<std::string>();
}

/// The request's method `name` as the YAML map of `handover.methods.<name>`; a masked secret becomes the value the
/// file has (its `${ENV}` form included).
YAML::Node methodNode(const Poco::JSON::Object::Ptr& method, const std::string& name, const YAML::Node& fileMethods) {
    const auto field = Prefix + "methods." + name;
    YAML::Node node(YAML::NodeType::Map);
    for (const auto* key : {"channel", "label", "confirmation"}) {
        if (method->has(key) && !method->get(key).isEmpty()) node[key] = text(method, key, field + "." + key);
    }
    if (method->has("requires") && !method->get("requires").isEmpty()) {
        const auto list = method->getArray("requires");
        if (!list) invalid(field + ".requires", "must be a list of name, email or phone");
        YAML::Node required(YAML::NodeType::Sequence);
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (!list->get(i).isString()) invalid(field + ".requires", "must be a list of name, email or phone");
            required.push_back(list->get(i).convert<std::string>());
        }
        required.SetStyle(YAML::EmitterStyle::Flow);
        node["requires"] = required;
    }
    if (method->has("settings") && !method->get("settings").isEmpty()) {
        const auto settings = method->getObject("settings");
        if (!settings) invalid(field + ".settings", "must be an object of text values");
        for (const auto& [key, value] : *settings) {
            if (key == "channel" || key == "label" || key == "confirmation" || key == "requires")
                invalid(field + "." + key, "belongs beside settings, not inside them");
            if (!value.isString()) invalid(field + "." + key, "must be a string");
            auto setting = value.convert<std::string>();
            if (setting == HandoverConfigEditor::Mask) {
                const auto stored = fileMethods[name] ? fileMethods[name][key] : YAML::Node();
                if (!stored || !stored.IsScalar())
                    invalid(field + "." + key, "give the secret: the mask keeps only a secret the widget already has");
                setting = stored.Scalar();
            }
            node[key] = setting;
        }
    }
    return node;
}

/// The request as the YAML of the whole `handover:` block.
std::string handoverBlock(const Poco::JSON::Object::Ptr& body, const YAML::Node& fileHandover) {
    YAML::Node handover(YAML::NodeType::Map);
    if (body->has("enabled")) {
        if (!body->get("enabled").isBoolean()) invalid(Prefix + "enabled", "must be true or false");
        handover["enabled"] = body->getValue<bool>("enabled");
    }
    if (body->has("default_method") && !body->get("default_method").isEmpty())
        handover["default_method"] = text(body, "default_method", Prefix + "default_method");
    if (body->has("max_attempts")) {
        if (!body->get("max_attempts").isInteger()) invalid(Prefix + "max_attempts", "must be an integer");
        handover["max_attempts"] = body->getValue<int>("max_attempts");
    }
    const auto methods = body->getArray("methods");
    if (!methods) invalid(Prefix + "methods", "is required: a list of methods");
    const YAML::Node fileMethods = fileHandover ? fileHandover["methods"] : YAML::Node();
    YAML::Node methodMap(YAML::NodeType::Map);
    std::set<std::string> names;
    for (std::size_t i = 0; i < methods->size(); ++i) {
        const auto at = Prefix + "methods[" + std::to_string(i) + "]";
        const auto method = methods->getObject(static_cast<unsigned>(i));
        if (!method) invalid(at, "must be an object");
        if (!method->has("name")) invalid(at + ".name", "is required");
        const auto name = text(method, "name", at + ".name");
        if (!names.insert(name).second) invalid(Prefix + "methods." + name, "is listed twice");
        methodMap[name] = methodNode(method, name, fileMethods);
    }
    handover["methods"] = methodMap;

    YAML::Emitter out;
    out << YAML::BeginMap << YAML::Key << "handover" << YAML::Value << handover << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

/// 422 naming the first key at fault, each problem written as in the hub's log and `check-config`
/// (`shop.yaml:9: handover.methods.crm.url: ...`), with the widget file's name only: where the hub keeps its files
/// is none of the API's business.
[[noreturn]] void refuse(const std::vector<config::ConfigIssue>& issues) {
    std::string message;
    for (auto issue : issues) {
        issue.file = std::filesystem::path(issue.file).filename().string();
        message += (message.empty() ? "" : "; ") + issue.toString();
    }
    throw ApiError::invalid("validation_failed", message, issues.front().key);
}

} // namespace

HandoverConfigEditor::HandoverConfigEditor(config::WidgetRegistry& widgets, const config::HubConfig& hub,
                                           MethodCheck checkMethods, UrlCheck checkUrl,
                                           MethodSettingTypes settingTypes)
    : _widgets(widgets), _hub(hub), _checkMethods(std::move(checkMethods)), _checkUrl(std::move(checkUrl)),
      _settingTypes(std::move(settingTypes)) {}

Poco::JSON::Object::Ptr HandoverConfigEditor::view(const auth::Caller& caller, const std::string& widgetId) const {
    const auto widget = _widgets.find(widgetId);
    if (!widget || !caller.canSee(widgetId)) throw ApiError::notFound("widget");
    const auto& handover = widget->handover;
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("widget_id", widget->id);
    json->set("enabled", handover.enabled);
    json->set("default_method", handover.defaultMethod);
    json->set("max_attempts", handover.maxAttempts);
    Poco::JSON::Array::Ptr methods = new Poco::JSON::Array;
    for (const auto& method : handover.methods) {
        Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
        entry->set("name", method.name);
        entry->set("channel", method.channel);
        entry->set("label", method.label);
        entry->set("requires", common::stringArray(method.requiredFields));
        entry->set("confirmation", method.confirmation);
        Poco::JSON::Object::Ptr settings = new Poco::JSON::Object;
        for (const auto& [key, value] : method.settings) {
            if (_settingTypes.typeOf(method.channel, key) == MethodSettingTypes::Type::Secret) {
                settings->set(key, std::string(Mask));
            } else {
                // Credentials in any URL, whatever its setting, are for admins' eyes only.
                settings->set(key, caller.agent.isAdmin() ? value : UrlRedactor::redact(value));
            }
        }
        entry->set("settings", settings);
        methods->add(entry);
    }
    json->set("methods", methods);
    return json;
}

Poco::JSON::Object::Ptr HandoverConfigEditor::update(const auth::Caller& caller, const std::string& widgetId,
                                                     const Poco::JSON::Object::Ptr& body) {
    if (!caller.agent.isAdmin()) throw ApiError::forbidden("only an admin may change a widget's handover");
    std::lock_guard lock(_writing);
    const auto widget = _widgets.find(widgetId);
    if (!widget) throw ApiError::notFound("widget");
    const auto fileText = readFile(widget->sourceFile);
    YAML::Node fileRoot;
    try {
        fileRoot = YAML::Load(fileText);
    } catch (const YAML::Exception&) {
        // The file was changed by hand since the hub loaded it; only masked secrets need it, and they say so.
    }
    const YAML::Node& root = fileRoot;
    const auto block = handoverBlock(body, root.IsMap() ? root["handover"] : YAML::Node());
    const auto newText = config::YamlTopLevelBlock::replace(fileText, "handover", block);

    config::WidgetConfig parsed;
    try {
        parsed = _loader.parseWidget(newText, widget->sourceFile, _hub);
    } catch (const config::ConfigError& error) {
        refuse(error.issues());
    }
    auto problems = _checkMethods(parsed);
    const auto urls = refusedUrls(parsed);
    problems.insert(problems.end(), urls.begin(), urls.end());
    for (auto& issue : problems) {
        // Found on the parsed configuration, so located in the text that would have been written.
        if (issue.line == 0) issue.line = config::KeyLocator::lineIn(newText, issue.key);
    }
    if (!problems.empty()) refuse(problems);

    common::AtomicFile::write(widget->sourceFile, newText);
    _widgets.replace(parsed);
    return view(caller, widgetId);
}

std::vector<config::ConfigIssue> HandoverConfigEditor::refusedUrls(const config::WidgetConfig& widget) const {
    std::vector<config::ConfigIssue> issues;
    for (const auto& method : widget.handover.methods) {
        for (const auto& [key, value] : method.settings) {
            if (_settingTypes.typeOf(method.channel, key) != MethodSettingTypes::Type::HttpUrl) continue;
            try {
                _checkUrl(value);
            } catch (const sdk::HttpError& error) {
                // A name that does not resolve now may later; delivery checks every address again.
                if (error.kind() != sdk::HttpError::Kind::Refused) continue;
                issues.push_back({widget.sourceFile, 0, Prefix + "methods." + method.name + "." + key, error.what()});
            }
        }
    }
    return issues;
}

} // namespace switchboard::core::handover
