// What an agile tool's states mean in mbl: the defaults and `settings.work_item_states`
// (work_items.hpp).

#include "json_tokenizer.hpp"
#include "mbl/enums.hpp"
#include "mbl/error.hpp"
#include "mbl/work_items.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>
#include <utility>

namespace mbl {
namespace {

using S = AssetStatus;

struct DefaultState {
    std::string_view state;
    std::optional<AssetStatus> status; // empty: ignored
};

// Azure Boards' default processes: Agile (New, Active, Resolved, Closed, Removed), Scrum (New,
// Approved, Committed, Done, Removed; tasks To Do, In Progress, Done), CMMI (Proposed, Active,
// Resolved, Closed, Removed) and Basic (To Do, Doing, Done).
constexpr std::array<DefaultState, 13> azure_states{{
    {"New", S::not_started},
    {"Proposed", S::not_started},
    {"To Do", S::not_started},
    {"Approved", S::not_started},
    {"Active", S::in_progress},
    {"Committed", S::in_progress},
    {"Doing", S::in_progress},
    {"In Progress", S::in_progress},
    {"Resolved", S::in_progress},
    {"Closed", S::replicated},
    {"Done", S::replicated},
    {"Blocked", S::blocked},
    {"Removed", std::nullopt},
}};

// Jira's default workflows (software projects, Kanban and Scrum; business projects; the classic
// Open, In Progress, Resolved, Reopened, Closed).
constexpr std::array<DefaultState, 11> jira_states{{
    {"To Do", S::not_started},
    {"Backlog", S::not_started},
    {"Open", S::not_started},
    {"Selected for Development", S::not_started},
    {"In Progress", S::in_progress},
    {"In Review", S::in_progress},
    {"Reopened", S::in_progress},
    {"Done", S::replicated},
    {"Closed", S::replicated},
    {"Resolved", S::replicated},
    {"Blocked", S::blocked},
}};

// The strings of `{"tool": {"state": "meaning"}}`, by tool and state; a value that is no string
// (or a tool's value that is no object) as an entry without a meaning.
struct StateCollector {
    std::vector<WorkItemStateSetting> entries;
    std::string tool, state;
    int depth = 0;
    std::size_t seen_at_open = 0;
    bool null() { return other(); }
    bool boolean(bool) { return other(); }
    bool number(std::string_view, double, bool) { return other(); }
    bool string(std::string_view value, std::string_view) {
        if (depth == 2) {
            entries.push_back({tool, state, std::string(value)});
            return true;
        }
        return other();
    }
    bool key(std::string_view key) {
        (depth == 1 ? tool : state) = key;
        return true;
    }
    bool start_object() {
        seen_at_open = entries.size();
        return enter(depth != 1);
    }
    bool end_object() {
        if (depth == 2 && entries.size() == seen_at_open) {
            entries.push_back({tool, "", ""}); // a tool without states: named all the same
        }
        return leave();
    }
    bool start_array() { return enter(depth >= 1); }
    bool end_array() { return leave(); }
    void syntax_error(std::string, std::size_t) {}

  private:
    bool other() {
        if (depth == 1) {
            entries.push_back({tool, "", std::nullopt});
        } else if (depth == 2) {
            entries.push_back({tool, state, std::nullopt});
        }
        return true;
    }
    // A container where a tool's states (depth 1) or a state's meaning (depth 2) belongs is
    // recorded as a value that is not what it should be.
    bool enter(bool misplaced) {
        if (misplaced) {
            other();
        }
        ++depth;
        return true;
    }
    bool leave() {
        --depth;
        return true;
    }
};

bool same_state(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace

std::optional<AgileTool> parse_agile_tool(std::string_view text) {
    if (text == "azure-devops") {
        return AgileTool::azure_devops;
    }
    if (text == "jira") {
        return AgileTool::jira;
    }
    return std::nullopt;
}

std::string_view to_string(AgileTool tool) {
    return tool == AgileTool::jira ? "jira" : "azure-devops";
}

std::optional<StateMeaning> default_state_meaning(AgileTool tool, std::string_view state) {
    state = trimmed(state);
    auto find = [&](const auto& table) -> std::optional<StateMeaning> {
        for (const DefaultState& entry : table) {
            if (same_state(entry.state, state)) {
                return StateMeaning{entry.status};
            }
        }
        return std::nullopt;
    };
    return tool == AgileTool::jira ? find(jira_states) : find(azure_states);
}

std::vector<WorkItemStateSetting> work_item_state_settings(const Settings& settings) {
    for (const auto& [name, value] : settings.extras) {
        if (name != "work_item_states") {
            continue;
        }
        StateCollector collector;
        std::size_t reached = 0;
        detail::JsonTokenizer<StateCollector> tokenizer(value.text, collector, &reached);
        tokenizer.run(); // canonical text: always JSON
        return std::move(collector.entries);
    }
    return {};
}

std::optional<StateMeaning> state_meaning(const Settings& settings, AgileTool tool,
                                          std::string_view state) {
    state = trimmed(state);
    for (const WorkItemStateSetting& setting : work_item_state_settings(settings)) {
        if (setting.tool != to_string(tool) || setting.state.empty() ||
            !same_state(trimmed(setting.state), state)) {
            continue;
        }
        if (setting.meaning == "ignore") {
            return StateMeaning{std::nullopt};
        }
        if (auto status =
                setting.meaning ? parse_enum<AssetStatus>(*setting.meaning) : std::nullopt) {
            return StateMeaning{status};
        }
        throw input_error(fmt::format("settings.work_item_states.{}.\"{}\" is not a status; give "
                                      "one of {} or \"ignore\" (run 'mbl validate')",
                                      setting.tool, setting.state, allowed_values<AssetStatus>()));
    }
    return default_state_meaning(tool, state);
}

} // namespace mbl
