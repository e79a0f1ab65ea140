// Azure Boards' hierarchical CSV import: Epic → Feature → User Story → Task (export.hpp).

#include "export_support.hpp"
#include "mbl/enums.hpp"
#include "mbl/error.hpp"
#include "mbl/export.hpp"
#include "mbl/release.hpp"

#include <string_view>

namespace mbl {
namespace {

// Azure Boards creates every imported work item in its initial state (New for the Agile process's
// Epic, Feature, User Story and Task) and refuses a file naming another; mbl's progress goes to
// a tag instead. Tags hold no `,` or `;` (Azure's separators) and no control characters.
constexpr std::string_view initial_state = "New";

std::string status_tag(std::string_view status) {
    return "mbl:" + std::string(status);
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

// One work item; the column order of azure_devops_sheet (State is always initial_state).
struct WorkItem {
    std::string type;
    std::size_t depth = 0; // 0: Title 1, …
    std::string title, priority, tags, iteration_path, original_estimate, story_points, description;
};

class AzureSheetBuilder {
  public:
    AzureSheetBuilder(const Backlog& backlog, const AzureDevOpsOptions& options, SheetSink& sink)
        : backlog_(backlog), options_(options), iterations_(backlog), sink_(sink) {
        sink_.columns({{"ID"},
                       {"Work Item Type"},
                       {"Title 1"},
                       {"Title 2"},
                       {"Title 3"},
                       {"Title 4"},
                       {"State"},
                       {"Priority", true},
                       {"Tags"},
                       {"Iteration Path"},
                       {"Original Estimate", true},
                       {"Story Points", true},
                       {"Description"}});
    }

    void build(const WbsItem& migration) {
        add({"Epic", 0, migration.name, "", "", "", "", "",
             html_lines({"Migration backlog exported by mbl: " +
                         std::to_string(backlog_.workloads.size()) + " workloads, " +
                         std::to_string(backlog_.assets.size()) + " assets"})});
        for (const WbsItem& group : migration.children) {
            add_feature(group);
        }
    }

  private:
    void add_feature(const WbsItem& group) {
        const Workload* workload = group.workload;
        add({"Feature", 1, group.name, workload ? std::to_string(workload->priority) : "",
             workload ? status_tag(to_string(workload->stage)) : "", "", "", "",
             workload ? html_lines(workload_summary(*workload))
                      : html_lines({"Assets without a known workload"})});
        for (const WbsItem& item : group.children) {
            add_story(item);
        }
    }

    void add_story(const WbsItem& item) {
        const Asset& asset = *item.asset;
        EstimateUnit unit = backlog_.settings.estimate_unit;
        std::string path = iteration_path(item.iteration);
        std::string status(to_string(asset.status));
        std::vector<std::string> tags{status_tag(status)};
        tags.insert(tags.end(), asset.tags.begin(), asset.tags.end());
        std::vector<std::string> description = asset_summary(asset, unit);
        description.push_back("Status in mbl: " + status);
        add({"User Story", 2, asset.name, std::to_string(asset.priority), join(tags, "; "), path,
             "", unit == EstimateUnit::points ? number_cell(item.estimate) : "",
             html_lines(description)});
        for (const WbsItem& task : item.children) {
            std::optional<double> hours;
            if (task.task->estimate) {
                hours = estimate_in_hours(*task.task->estimate, unit);
            }
            std::string done = task.task->done ? "done" : "not-done";
            add({"Task", 3, task.name, std::to_string(asset.priority), status_tag(done), path,
                 number_cell(hours), "",
                 html_lines({"Task of asset " + asset.id + " (" + asset.name + ")",
                             "Status in mbl: " + done})});
        }
    }

    std::string iteration_path(const std::optional<std::string>& iteration) const {
        std::string name = iterations_.name_of(iteration);
        return name.empty() ? "" : options_.project + "\\" + name;
    }

    void add(WorkItem item) {
        std::vector<std::string> row{"", std::move(item.type), "", "", "", ""};
        row[2 + item.depth] = std::move(item.title);
        row.emplace_back(initial_state);
        for (std::string* cell : {&item.priority, &item.tags, &item.iteration_path,
                                  &item.original_estimate, &item.story_points, &item.description}) {
            row.push_back(std::move(*cell));
        }
        sink_.row(std::move(row));
    }

    const Backlog& backlog_;
    const AzureDevOpsOptions& options_;
    IterationNames iterations_;
    SheetSink& sink_;
};

} // namespace

void write_azure_devops_sheet(const Backlog& backlog, const AzureDevOpsOptions& options,
                              SheetSink& sink) {
    if (options.project.empty()) {
        throw usage_error("export csv --for azure-devops needs --project NAME: the Azure DevOps "
                          "project the iteration paths start with");
    }
    AzureSheetBuilder(backlog, options, sink).build(work_breakdown(backlog));
}

Sheet azure_devops_sheet(const Backlog& backlog, const AzureDevOpsOptions& options) {
    return collect_sheet(
        [&](SheetSink& sink) { write_azure_devops_sheet(backlog, options, sink); });
}

} // namespace mbl
