// Jira's CSV importer: Epic → Story → Sub-task linked by Issue Id and Parent Id (export.hpp).

#include "export_support.hpp"
#include "mbl/export.hpp"
#include "mbl/release.hpp"

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

// One issue; cells in the column order of jira_sheet, the labels apart.
struct Issue {
    std::string parent, type, summary, status, priority;
    std::vector<std::string> labels;
    std::string sprint, original_estimate, story_points, description;
};

class JiraSheetBuilder {
  public:
    JiraSheetBuilder(const Backlog& backlog, SheetSink& sink)
        : backlog_(backlog), iterations_(backlog), sink_(sink) {
        for (const Asset& asset : backlog.assets) {
            label_columns_ = std::max(label_columns_, asset.tags.size());
        }
        std::vector<SheetColumn> columns = {{"Issue Id", true}, {"Parent Id", true}, {"Issue Type"},
                                            {"Summary"},        {"Status"},          {"Priority"}};
        for (std::size_t i = 0; i < label_columns_; ++i) {
            columns.push_back({"Labels"});
        }
        columns.insert(
            columns.end(),
            {{"Sprint"}, {"Original Estimate", true}, {"Story Points", true}, {"Description"}});
        sink_.columns(columns);
    }

    void build(const WbsItem& migration) {
        for (const WbsItem& group : migration.children) {
            std::string epic_id;
            if (group.workload) {
                const Workload& workload = *group.workload;
                epic_id = add({"",
                               "Epic",
                               workload.name,
                               epic_status(workload.stage),
                               jira_priority(workload.priority),
                               {},
                               "",
                               "",
                               "",
                               join(workload_summary(workload), "\n")});
            }
            for (const WbsItem& item : group.children) {
                add_story(item, epic_id);
            }
        }
    }

  private:
    void add_story(const WbsItem& item, const std::string& epic_id) {
        const Asset& asset = *item.asset;
        EstimateUnit unit = backlog_.settings.estimate_unit;
        bool tasks_estimated = std::ranges::any_of(
            asset.tasks, [](const Task& task) { return task.estimate.has_value(); });
        std::vector<std::string> labels;
        for (const std::string& tag : asset.tags) {
            labels.push_back(label_of(tag));
        }
        std::string sprint = iterations_.name_of(item.iteration);
        std::string story_id =
            add({epic_id, "Story", asset.name, story_status(asset.status),
                 jira_priority(asset.priority), std::move(labels), sprint,
                 tasks_estimated ? "" : number_cell(seconds_of(asset.estimate, unit)),
                 unit == EstimateUnit::points ? number_cell(item.estimate) : "",
                 join(asset_summary(asset, unit), "\n")});
        for (const Task& task : asset.tasks) {
            add({story_id,
                 "Sub-task",
                 task.title,
                 task.done ? "Done" : "To Do",
                 jira_priority(asset.priority),
                 {},
                 sprint,
                 number_cell(seconds_of(task.estimate, unit)),
                 "",
                 "Task of asset " + asset.id + " (" + asset.name + ")"});
        }
    }

    // Appends the issue; returns its Issue Id.
    std::string add(Issue issue) {
        std::string id = std::to_string(++rows_);
        std::vector<std::string> row{id,
                                     std::move(issue.parent),
                                     std::move(issue.type),
                                     std::move(issue.summary),
                                     std::move(issue.status),
                                     std::move(issue.priority)};
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
    IterationNames iterations_;
    std::size_t label_columns_ = 1;
    SheetSink& sink_;
    std::size_t rows_ = 0; // rows given to sink_ so far
};

} // namespace

void write_jira_sheet(const Backlog& backlog, SheetSink& sink) {
    JiraSheetBuilder(backlog, sink).build(work_breakdown(backlog));
}

Sheet jira_sheet(const Backlog& backlog) {
    return collect_sheet([&](SheetSink& sink) { write_jira_sheet(backlog, sink); });
}

} // namespace mbl
