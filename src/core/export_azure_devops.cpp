// Azure Boards' hierarchical CSV import: Epic → Feature → User Story → Task (export.hpp).

#include "export_support.hpp"
#include "mbl/error.hpp"
#include "mbl/export.hpp"
#include "mbl/release.hpp"

#include <algorithm>

namespace mbl {
namespace {

std::string epic_state(const Backlog& backlog) {
    auto at = [&](Stage stage) {
        return [stage](const Workload& workload) { return workload.stage == stage; };
    };
    if (std::ranges::all_of(backlog.workloads, at(Stage::planned))) {
        return "New";
    }
    return std::ranges::all_of(backlog.workloads, at(Stage::production)) ? "Closed" : "Active";
}

std::string feature_state(const WbsItem& group) {
    if (group.workload) {
        switch (group.workload->stage) {
        case Stage::planned:
            return "New";
        case Stage::uat:
            return "Resolved";
        case Stage::production:
            return "Closed";
        default:
            return "Active";
        }
    }
    auto has = [](AssetStatus status) {
        return [status](const WbsItem& item) { return item.asset->status == status; };
    };
    if (std::ranges::all_of(group.children, has(AssetStatus::not_started))) {
        return "New";
    }
    return std::ranges::all_of(group.children, has(AssetStatus::replicated)) ? "Resolved"
                                                                             : "Active";
}

std::string story_state(const Asset& asset, const Workload* workload) {
    switch (asset.status) {
    case AssetStatus::not_started:
        return "New";
    case AssetStatus::replicated:
        return workload && workload->stage == Stage::production ? "Closed" : "Resolved";
    default:
        return "Active";
    }
}

std::string task_state(const Task& task, const Asset& asset) {
    if (task.done) {
        return "Closed";
    }
    bool started = asset.status == AssetStatus::in_progress || asset.status == AssetStatus::blocked;
    return started ? "Active" : "New";
}

// The Description field holds HTML: the lines escaped, one `<br>` between them.
std::string html_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) {
            out += "<br>";
        }
        for (char c : lines[i]) {
            switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\n':
                out += "<br>";
                break;
            default:
                out += c;
            }
        }
    }
    return out;
}

// One work item; the column order of azure_devops_sheet.
struct WorkItem {
    std::string type;
    std::size_t depth = 0; // 0: Title 1, …
    std::string title, state, priority, tags, iteration_path, original_estimate, story_points,
        description;
};

class AzureSheetBuilder {
  public:
    AzureSheetBuilder(const Backlog& backlog, const AzureDevOpsOptions& options)
        : backlog_(backlog), options_(options), iterations_(backlog) {
        sheet_.columns = {{"ID"},      {"Work Item Type"}, {"Title 1"},
                          {"Title 2"}, {"Title 3"},        {"Title 4"}};
        if (options.with_state) {
            sheet_.columns.push_back({"State"});
        }
        sheet_.columns.insert(sheet_.columns.end(), {{"Priority", true},
                                                     {"Tags"},
                                                     {"Iteration Path"},
                                                     {"Original Estimate", true},
                                                     {"Story Points", true},
                                                     {"Description"}});
    }

    Sheet build(const WbsItem& migration) {
        add({"Epic", 0, migration.name, epic_state(backlog_), "", "", "", "", "",
             html_lines({"Migration backlog exported by mbl: " +
                         std::to_string(backlog_.workloads.size()) + " workloads, " +
                         std::to_string(backlog_.assets.size()) + " assets"})});
        for (const WbsItem& group : migration.children) {
            add_feature(group);
        }
        return std::move(sheet_);
    }

  private:
    void add_feature(const WbsItem& group) {
        const Workload* workload = group.workload;
        add({"Feature", 1, group.name, feature_state(group),
             workload ? std::to_string(workload->priority) : "", "", "", "", "",
             workload ? html_lines(workload_summary(*workload))
                      : html_lines({"Assets without a known workload"})});
        for (const WbsItem& item : group.children) {
            add_story(item, workload);
        }
    }

    void add_story(const WbsItem& item, const Workload* workload) {
        const Asset& asset = *item.asset;
        EstimateUnit unit = backlog_.settings.estimate_unit;
        std::string path = iteration_path(item.iteration);
        add({"User Story", 2, asset.name, story_state(asset, workload),
             std::to_string(asset.priority), join(asset.tags, "; "), path, "",
             unit == EstimateUnit::points ? number_cell(item.estimate) : "",
             html_lines(asset_summary(asset, unit))});
        for (const WbsItem& task : item.children) {
            std::optional<double> hours;
            if (task.task->estimate) {
                hours = estimate_in_hours(*task.task->estimate, unit);
            }
            add({"Task", 3, task.name, task_state(*task.task, asset),
                 std::to_string(asset.priority), "", path, number_cell(hours), "",
                 html_lines({"Task of asset " + asset.id + " (" + asset.name + ")"})});
        }
    }

    std::string iteration_path(const std::optional<std::string>& iteration) const {
        std::string name = iterations_.name_of(iteration);
        return name.empty() ? "" : options_.project + "\\" + name;
    }

    void add(WorkItem item) {
        std::vector<std::string> row{"", std::move(item.type), "", "", "", ""};
        row[2 + item.depth] = std::move(item.title);
        if (options_.with_state) {
            row.push_back(std::move(item.state));
        }
        for (std::string* cell : {&item.priority, &item.tags, &item.iteration_path,
                                  &item.original_estimate, &item.story_points, &item.description}) {
            row.push_back(std::move(*cell));
        }
        sheet_.rows.push_back(std::move(row));
    }

    const Backlog& backlog_;
    const AzureDevOpsOptions& options_;
    IterationNames iterations_;
    Sheet sheet_;
};

} // namespace

Sheet azure_devops_sheet(const Backlog& backlog, const AzureDevOpsOptions& options) {
    if (options.project.empty()) {
        throw usage_error("export csv --for azure-devops needs --project NAME: the Azure DevOps "
                          "project the iteration paths start with");
    }
    return AzureSheetBuilder(backlog, options).build(work_breakdown(backlog));
}

} // namespace mbl
