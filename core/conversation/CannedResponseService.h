#pragma once

#include "core/auth/Caller.h"
#include "core/common/Clock.h"
#include "core/conversation/CannedResponse.h"
#include "core/store/CannedResponseRepository.h"
#include "core/store/Database.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::conversation {

/// Saved replies. Any agent keeps personal ones; admins manage the shared ones. An agent sees shared responses
/// only for the widgets they serve (or for every widget), and their own personal ones.
class CannedResponseService {
public:
    using WidgetExists = std::function<bool(const std::string& widgetId)>;

    /// What an agent submits to create or replace a response.
    struct Draft {
        std::string title;
        std::string shortcut;
        std::string content;
        std::optional<std::string> widgetId;
        std::string scope = "personal";
    };

    CannedResponseService(store::Database& database, const common::Clock& clock, WidgetExists widgetExists,
                          std::size_t maxContentChars);

    /// Shared and own personal responses, by shortcut; with `widgetId`, those for that widget or for every widget.
    std::vector<CannedResponse> list(const auth::Caller& caller, const std::optional<std::string>& widgetId);
    /// The response an agent gets by typing `shortcut`: their personal one if they have it, else the shared one.
    /// Counts the use. Throws 404 when there is none.
    CannedResponse useShortcut(const auth::Caller& caller, const std::string& shortcut);
    /// Throws 403 for a shared response by a non-admin, 409 `conflict` when the scope already has the shortcut,
    /// 400/422 for bad input.
    CannedResponse create(const auth::Caller& caller, const Draft& draft);
    CannedResponse update(const auth::Caller& caller, const std::string& id, const Draft& draft);
    void remove(const auth::Caller& caller, const std::string& id);

    /// `/` followed by 1–32 of a-z, 0-9, `_` and `-`.
    static bool isValidShortcut(const std::string& shortcut);

private:
    /// The record a valid draft describes (without id and timestamps); throws for an invalid one.
    CannedResponse validated(const auth::Caller& caller, const Draft& draft) const;
    /// Loads a response the caller may change: 404 when they cannot see it, 403 when they see but may not edit.
    CannedResponse editable(store::Sql& sql, const auth::Caller& caller, const std::string& id);

    store::Database& _database;
    const common::Clock& _clock;
    WidgetExists _widgetExists;
    std::size_t _maxContentChars;
    store::CannedResponseRepository _responses;
};

} // namespace switchboard::core::conversation
