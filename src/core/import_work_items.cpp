// `mbl import work-items`: an agile tool's export matched to assets and tasks, each state
// compared with mbl's value against the export's base (work_items.hpp).

#include "mbl/edit.hpp"
#include "mbl/enums.hpp"
#include "mbl/iterations.hpp"
#include "mbl/work_items.hpp"
#include "work_item_rows.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unordered_map>

namespace mbl {
namespace {

using detail::ExportedItem;
using detail::RowTags;

// How far along a value is: not-started 0, in-progress and blocked 1, replicated 2.
int progress_rank(AssetStatus status) {
    switch (status) {
    case AssetStatus::not_started:
        return 0;
    case AssetStatus::replicated:
        return 2;
    case AssetStatus::in_progress:
    case AssetStatus::blocked:
        break;
    }
    return 1;
}

// The status mbl's Jira export writes for an asset's status (export_jira.cpp's story_status).
std::string_view jira_status_of(AssetStatus status) {
    return status == AssetStatus::not_started  ? "To Do"
           : status == AssetStatus::replicated ? "Done"
                                               : "In Progress";
}

bool same_text(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// One value compared three ways: the tool's (`tool`, ranked `tool_rank`), mbl's (`current`),
// and the base when the export recorded it. `untouched`: the tool still shows what the export
// created.
struct Comparison {
    std::string_view tool, current;
    std::optional<std::string> base;
    int tool_rank = 0, current_rank = 0;
    bool untouched = false;
};

void decide(WorkItemRow& row, const Comparison& c, AgileTool tool) {
    row.from = c.current;
    row.to = c.tool;
    if (c.tool == c.current) {
        row.action = WorkItemAction::unchanged;
    } else if (c.untouched) {
        row.action = WorkItemAction::kept;
        row.reason = fmt::format("{} still shows the state the export created ({}); mbl keeps {}",
                                 to_string(tool), row.state, c.current);
    } else if (c.base) {
        if (*c.base == c.current) {
            row.action = WorkItemAction::update;
        } else {
            row.action = WorkItemAction::conflict;
            row.reason = fmt::format("changed in both: mbl {} -> {} since the export, {} {}",
                                     *c.base, c.current, to_string(tool), row.state);
        }
    } else if (c.tool_rank >= c.current_rank) {
        row.action = WorkItemAction::update;
    } else {
        row.action = WorkItemAction::conflict;
        row.reason = fmt::format("{} {} would move {} back to {}, and the export recorded no "
                                 "base to tell which side changed",
                                 to_string(tool), row.state, c.current, c.tool);
    }
}

// The task of `asset` titled `title` (exactly, else case-insensitively) that no earlier row
// matched; 1-based.
std::optional<std::size_t> task_by_title(const Asset& asset, std::string_view title,
                                         const std::vector<std::size_t>& taken) {
    for (bool exact : {true, false}) {
        for (std::size_t i = 0; i < asset.tasks.size(); ++i) {
            bool same =
                exact ? asset.tasks[i].title == title : same_text(asset.tasks[i].title, title);
            if (same && std::ranges::find(taken, i + 1) == taken.end()) {
                return i + 1;
            }
        }
    }
    return std::nullopt;
}

class Planner {
  public:
    Planner(const Backlog& backlog, AgileTool tool) : backlog_(backlog), tool_(tool) {
        for (const Asset& asset : backlog.assets) {
            assets_.emplace(asset.id, &asset);
        }
    }

    WorkItemPlan plan(const std::vector<ExportedItem>& items) {
        WorkItemPlan plan;
        plan.tool = tool_;
        std::vector<RowTags> tags;
        tags.reserve(items.size());
        for (const ExportedItem& item : items) {
            tags.push_back(detail::read_tags(assets_, item.tags));
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
            plan.rows.push_back(plan_row(items, tags, i));
        }
        return plan;
    }

  private:
    WorkItemRow plan_row(const std::vector<ExportedItem>& items, const std::vector<RowTags>& tags,
                         std::size_t index) {
        const ExportedItem& item = items[index];
        const RowTags& row_tags = tags[index];
        WorkItemRow row;
        row.line = item.line;
        row.item = item.ids.empty() ? "" : item.ids.front();
        row.title = item.title;
        row.state = item.state;
        if (row_tags.assets.size() > 1) {
            return unmatched(row,
                             fmt::format("tags name {} assets ({}); keep one mbl: tag",
                                         row_tags.assets.size(), fmt::join(row_tags.assets, ", ")));
        }
        if (row_tags.assets.size() == 1) {
            return plan_asset(row, row_tags.assets.front(), row_tags.base);
        }
        if (row_tags.task) {
            const auto& [asset_id, number] = *row_tags.task;
            std::vector<std::size_t>& taken = tasks_taken_[asset_id];
            if (std::ranges::find(taken, number) != taken.end()) {
                return unmatched(row, fmt::format("task {} of asset {} was matched on an earlier "
                                                  "line already",
                                                  number, asset_id));
            }
            taken.push_back(number);
            return plan_task(row, asset_id, number, row_tags.base);
        }
        if (row_tags.workload) {
            row.action = WorkItemAction::ignored;
            row.reason = "a workload's item";
            return row;
        }
        if (!row_tags.unknown.empty()) {
            return unmatched(
                row, fmt::format("{} names no asset of the backlog", row_tags.unknown.front()));
        }
        if (detail::is_task_type(item.type) && item.parent &&
            tags[*item.parent].assets.size() == 1) {
            const std::string& asset_id = tags[*item.parent].assets.front();
            std::vector<std::size_t>& taken = tasks_taken_[asset_id];
            if (auto number = task_by_title(*assets_.at(asset_id), item.title, taken)) {
                taken.push_back(*number);
                return plan_task(row, asset_id, *number, row_tags.base);
            }
            return unmatched(row,
                             fmt::format("asset {} has no task titled '{}'", asset_id, item.title));
        }
        return unmatched(row, "no mbl: tag");
    }

    static WorkItemRow unmatched(WorkItemRow& row, std::string reason) {
        row.action = WorkItemAction::unmatched;
        row.reason = std::move(reason);
        return row;
    }

    // The state's meaning, or nullopt with the row marked unknown or ignored.
    std::optional<AssetStatus> meaning_of(WorkItemRow& row) {
        std::optional<StateMeaning> meaning = state_meaning(backlog_.settings, tool_, row.state);
        if (!meaning) {
            row.action = WorkItemAction::unknown;
            row.reason = fmt::format("state '{}' means nothing to mbl; map it in "
                                     "settings.work_item_states.{}",
                                     row.state, to_string(tool_));
            return std::nullopt;
        }
        if (!meaning->status) {
            row.action = WorkItemAction::ignored;
            row.reason = fmt::format("state '{}' is ignored", row.state);
        }
        return meaning->status;
    }

    WorkItemRow plan_asset(WorkItemRow& row, const std::string& id,
                           const std::optional<std::string>& base_word) {
        row.asset = id;
        if (auto [seen, first] = asset_lines_.emplace(id, row.line); !first) {
            return unmatched(
                row, fmt::format("asset {} was matched on line {} already", id, seen->second));
        }
        std::optional<AssetStatus> status = meaning_of(row);
        if (!status) {
            return row;
        }
        const Asset& asset = *assets_.at(id);
        std::optional<AssetStatus> base;
        if (base_word) {
            base = parse_enum<AssetStatus>(*base_word);
        }
        bool untouched = tool_ == AgileTool::azure_devops
                             ? *status == AssetStatus::not_started
                             : same_text(row.state, jira_status_of(base ? *base : asset.status));
        row.field = "status";
        decide(row,
               {to_string(*status), to_string(asset.status),
                base ? std::optional<std::string>(to_string(*base)) : std::nullopt,
                progress_rank(*status), progress_rank(asset.status), untouched},
               tool_);
        return row;
    }

    WorkItemRow plan_task(WorkItemRow& row, const std::string& id, std::size_t number,
                          const std::optional<std::string>& base_word) {
        row.asset = id;
        row.task = number;
        const Asset& asset = *assets_.at(id);
        if (number == 0 || number > asset.tasks.size()) {
            return unmatched(row, fmt::format("asset {} has {} task{}, no task {}", id,
                                              asset.tasks.size(),
                                              asset.tasks.size() == 1 ? "" : "s", number));
        }
        std::optional<AssetStatus> status = meaning_of(row);
        if (!status) {
            return row;
        }
        bool done = *status == AssetStatus::replicated;
        bool current = asset.tasks[number - 1].done;
        std::optional<std::string> base;
        if (base_word == "done" || base_word == "not-done") {
            base = *base_word == "done" ? "true" : "false";
        }
        bool base_done = base ? *base == "true" : current;
        bool untouched = tool_ == AgileTool::azure_devops
                             ? *status == AssetStatus::not_started
                             : same_text(row.state, base_done ? "Done" : "To Do");
        row.field = "done";
        decide(row,
               {done ? "true" : "false", current ? "true" : "false", base, done ? 1 : 0,
                current ? 1 : 0, untouched},
               tool_);
        return row;
    }

    const Backlog& backlog_;
    AgileTool tool_;
    detail::AssetIndex assets_;
    std::unordered_map<std::string, std::size_t> asset_lines_;
    std::unordered_map<std::string, std::vector<std::size_t>> tasks_taken_;
};

} // namespace

std::size_t WorkItemPlan::count(WorkItemAction action) const {
    return static_cast<std::size_t>(
        std::ranges::count_if(rows, [&](const WorkItemRow& row) { return row.action == action; }));
}

WorkItemPlan plan_work_item_import(const Backlog& backlog, const CsvTable& table, AgileTool tool,
                                   std::string_view label) {
    return Planner(backlog, tool).plan(detail::read_exported_items(table, tool, label));
}

std::vector<AutomaticStageMove> apply_work_item_plan(Backlog& backlog, const WorkItemPlan& plan,
                                                     Date today) {
    std::vector<std::string> updated;
    for (const WorkItemRow& row : plan.rows) {
        if (row.action == WorkItemAction::update && row.task) {
            set_task_done(require_asset(backlog, row.asset), *row.task, row.to == "true");
            updated.push_back(row.asset);
        }
    }
    for (const WorkItemRow& row : plan.rows) {
        if (row.action == WorkItemAction::update && !row.task) {
            set_asset_field(backlog, require_asset(backlog, row.asset), "status", row.to, today);
            updated.push_back(row.asset);
        }
    }
    return start_migrating_workloads(backlog, updated, today);
}

} // namespace mbl
