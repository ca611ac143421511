#pragma once

#include "core/conversation/CannedResponse.h"
#include "core/store/Sql.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::store {

class CannedResponseRepository {
public:
    /// Inserts unless its scope already has this shortcut (the unique constraint decides); returns false then.
    bool insert(Sql& sql, const conversation::CannedResponse& response);
    /// Saves every editable column; returns false, changing nothing, when the target scope already has another
    /// response with this shortcut.
    bool update(Sql& sql, const conversation::CannedResponse& response);
    bool remove(Sql& sql, const std::string& id);
    void incrementUsage(Sql& sql, const std::string& id);

    std::optional<conversation::CannedResponse> findById(Sql& sql, const std::string& id);
    /// The shared responses and the personal ones of `agentId`, by shortcut; with `widgetId`, only those for
    /// that widget or for every widget.
    std::vector<conversation::CannedResponse> listFor(Sql& sql, const std::string& agentId,
                                                      const std::optional<std::string>& widgetId);
    /// The personal response of `agentId` and the shared one with this shortcut, personal first.
    std::vector<conversation::CannedResponse> findByShortcut(Sql& sql, const std::string& agentId,
                                                             const std::string& shortcut);

private:
    std::vector<conversation::CannedResponse> select(Poco::Data::Statement& statement);
};

} // namespace switchboard::core::store
