// Jira Cloud's CSV importer: epics, then stories, then sub-tasks, linked by Issue ID and Parent
// (export.hpp). Rows go to the sink as they are made: Issue IDs are row numbers, so each parent's
// is counted rather than looked up.

#include "export_support.hpp"
#include "mbl/export.hpp"

#include <algorithm>
#include <array>

namespace mbl {
namespace {

constexpr std::array<const char*, 4> jira_priorities{"Highest", "High", "Medium", "Low"};

std::string jira_priority(int priority) {
    return jira_priorities[static_cast<std::size_t>(std::clamp(priority, 1, 4) - 1)];
}

std::string epic_status(Stage stage) {
    return stage == Stage::planned ? "To Do" : stage == Stage::production ? "Done" : "In Progress";
}

std::string story_status(AssetStatus status) {
    return status == AssetStatus::not_started  ? "To Do"
           : status == AssetStatus::replicated ? "Done"
                                               : "In Progress";
}

// A tag as a Jira label: blanks (which would split it) become `_`.
std::string label_of(std::string tag) {
    std::ranges::replace_if(
        tag, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }, '_');
    return tag;
}

std::optional<double> seconds_of(const std::optional<double>& estimate, EstimateUnit unit) {
    if (!estimate) {
        return std::nullopt;
    }
    std::optional<double> hours = estimate_in_hours(*estimate, unit);
    return hours ? std::optional<double>(*hours * 3600) : std::nullopt;
}

// One issue; cells in the column order of jira_sheet, the Issue ID and the labels apart.
struct Issue {
    std::string parent, type, summary, status, priority;
    std::vector<std::string> labels;
    std::string sprint, original_estimate, story_points, description;
};

// A Story's labels: its id tag, then the asset's own tags (reserved ones left out).
std::vector<std::string> story_labels(const Asset& asset) {
    std::vector<std::string> labels{asset_tag(asset.id)};
    for (const std::string& tag : asset.tags) {
        if (!is_reserved_tag(tag)) {
            labels.push_back(label_of(tag));
        }
    }
    return labels;
}

class JiraSheetWriter {
  public:
    JiraSheetWriter(const Backlog& backlog, SheetSink& sink)
        : backlog_(backlog), outline_(backlog), sink_(sink) {
        for (const Asset& asset : backlog.assets) {
            // story_labels' size, counted without making the labels
            label_columns_ = std::max(
                label_columns_,
                1 + static_cast<std::size_t>(std::ranges::count_if(
                        asset.tags, [](const std::string& tag) { return !is_reserved_tag(tag); })));
        }
        std::vector<SheetColumn> columns{{"Issue ID", true}, {"Parent", true}, {"Issue Type"},
                                         {"Summary"},        {"Status"},       {"Priority"}};
        for (std::size_t i = 0; i < label_columns_; ++i) {
            columns.push_back({"Labels"});
        }
        columns.insert(
            columns.end(),
            {{"Sprint"}, {"Original Estimate", true}, {"Story Points", true}, {"Description"}});
        sink_.columns(columns);
    }

    // Epics, then stories, then sub-tasks, so that every parent is imported before its children.
    // An Issue ID is the row's number: a Story's parent is its Epic's, kept per group; a
    // Sub-task's is its Story's, kept (with the Story) for the stories that have tasks only, so
    // that the last pass visits only them.
    void write() {
        const std::vector<ExportOutline::Group>& groups = outline_.groups();
        std::vector<std::string> epic_ids;
        for (const ExportOutline::Group& group : groups) {
            epic_ids.push_back(group.workload ? add_epic(*group.workload) : "");
        }
        std::vector<std::pair<const ExportOutline::Member*, std::string>> with_tasks;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            for (const ExportOutline::Member& member : groups[g].members) {
                std::string story_id = add_story(member, epic_ids[g]);
                if (!member.asset->tasks.empty()) {
                    with_tasks.emplace_back(&member, std::move(story_id));
                }
            }
        }
        for (const auto& [member, story_id] : with_tasks) {
            add_subtasks(*member, story_id);
        }
    }

  private:
    std::string add_epic(const Workload& workload) {
        return add({"",
                    "Epic",
                    workload.name,
                    epic_status(workload.stage),
                    jira_priority(workload.priority),
                    {workload_tag(workload.id)},
                    "",
                    "",
                    "",
                    join(workload_summary(workload), "\n")});
    }

    // Returns the Story's Issue ID.
    std::string add_story(const ExportOutline::Member& member, const std::string& epic_id) {
        const Asset& asset = *member.asset;
        EstimateUnit unit = backlog_.settings.estimate_unit;
        bool tasks_estimated = std::ranges::any_of(
            asset.tasks, [](const Task& task) { return task.estimate.has_value(); });
        return add({epic_id, "Story", asset.name, story_status(asset.status),
                    jira_priority(asset.priority), story_labels(asset),
                    std::string(member.iteration),
                    tasks_estimated ? "" : number_cell(seconds_of(asset.estimate, unit)),
                    unit == EstimateUnit::points ? number_cell(effective_estimate(asset)) : "",
                    join(asset_summary(asset, unit), "\n")});
    }

    void add_subtasks(const ExportOutline::Member& member, const std::string& story_id) {
        const Asset& asset = *member.asset;
        std::string sprint(member.iteration);
        for (std::size_t i = 0; i < asset.tasks.size(); ++i) {
            const Task& task = asset.tasks[i];
            add({story_id,
                 "Sub-task",
                 task.title,
                 task.done ? "Done" : "To Do",
                 jira_priority(asset.priority),
                 {task_tag(asset.id, i + 1)},
                 sprint,
                 number_cell(seconds_of(task.estimate, backlog_.settings.estimate_unit)),
                 "",
                 "Task of asset " + asset.id + " (" + asset.name + ")"});
        }
    }

    // Gives the issue's row to the sink; returns its Issue ID.
    std::string add(Issue issue) {
        std::string id = std::to_string(++rows_);
        std::vector<std::string> row;
        row.reserve(6 + label_columns_ + 4);
        row.push_back(id);
        for (std::string* cell :
             {&issue.parent, &issue.type, &issue.summary, &issue.status, &issue.priority}) {
            row.push_back(std::move(*cell));
        }
        issue.labels.resize(label_columns_);
        for (std::string& label : issue.labels) {
            row.push_back(std::move(label));
        }
        for (std::string* cell :
             {&issue.sprint, &issue.original_estimate, &issue.story_points, &issue.description}) {
            row.push_back(std::move(*cell));
        }
        sink_.row(std::move(row));
        return id;
    }

    const Backlog& backlog_;
    ExportOutline outline_;
    SheetSink& sink_;
    std::size_t label_columns_ = 1;
    std::size_t rows_ = 0; // rows given so far: the last Issue ID
};

} // namespace

void write_jira_sheet(const Backlog& backlog, SheetSink& sink) {
    JiraSheetWriter(backlog, sink).write();
}

Sheet jira_sheet(const Backlog& backlog) {
    return collect_sheet([&](SheetSink& sink) { write_jira_sheet(backlog, sink); });
}

} // namespace mbl
