// Azure Boards' hierarchical CSV import: Epic → Feature → User Story → Task, in files of at most
// the import's limit, each Feature with everything beneath it in one file (export.hpp).

#include "export_support.hpp"
#include "mbl/enums.hpp"
#include "mbl/error.hpp"
#include "mbl/export.hpp"
#include "mbl/release.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace mbl {
namespace {

// Progress tags beside the id tag (informative: an import reads the tool's State instead). Tags
// hold no `,` or `;` (Azure's separators) and no control characters.
std::string stage_tag(Stage stage) {
    return "mbl-stage:" + std::string(to_string(stage));
}

std::string status_tag(std::string_view status) {
    return "mbl-status:" + std::string(status);
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

// One work item; the cells after the titles in the column order of azure_devops_sheets, the
// Area Path apart (the same on every row).
struct WorkItem {
    std::string type;
    std::size_t depth = 0; // 0: Epic, 1: Feature, 2: User Story, 3: Task
    std::string title, priority, tags, iteration_path, original_estimate, remaining_work,
        story_points, description;
};

// A Feature and every item beneath it, depth first.
using Hierarchy = std::vector<WorkItem>;

class AzureItemBuilder {
  public:
    AzureItemBuilder(const Backlog& backlog, std::string iteration_prefix)
        : backlog_(backlog), iteration_prefix_(std::move(iteration_prefix)), iterations_(backlog) {}

    WorkItem epic(const WbsItem& migration) const {
        return {"Epic",
                0,
                migration.name,
                "",
                "",
                "",
                "",
                "",
                "",
                html_lines({"Migration backlog exported by mbl: " +
                            std::to_string(backlog_.workloads.size()) + " workloads, " +
                            std::to_string(backlog_.assets.size()) + " assets"})};
    }

    Hierarchy feature(const WbsItem& group) const {
        const Workload* workload = group.workload;
        Hierarchy items{
            {"Feature", 1, group.name, workload ? std::to_string(workload->priority) : "",
             workload ? workload_tag(workload->id) + "; " + stage_tag(workload->stage) : "", "", "",
             "", "",
             workload ? html_lines(workload_summary(*workload))
                      : html_lines({"Assets without a known workload"})}};
        for (const WbsItem& item : group.children) {
            add_story(item, items);
        }
        return items;
    }

  private:
    void add_story(const WbsItem& item, Hierarchy& items) const {
        const Asset& asset = *item.asset;
        EstimateUnit unit = backlog_.settings.estimate_unit;
        std::string path = iteration_path(item.iteration);
        std::string status(to_string(asset.status));
        std::vector<std::string> tags{asset_tag(asset.id), status_tag(status)};
        std::ranges::copy_if(asset.tags, std::back_inserter(tags),
                             [](const std::string& tag) { return !is_reserved_tag(tag); });
        std::vector<std::string> description = asset_summary(asset, unit);
        description.push_back("Status in mbl: " + status);
        items.push_back({"User Story", 2, asset.name, std::to_string(asset.priority),
                         join(tags, "; "), path, "", "",
                         unit == EstimateUnit::points ? number_cell(item.estimate) : "",
                         html_lines(description)});
        for (std::size_t i = 0; i < item.children.size(); ++i) {
            const Task& task = *item.children[i].task;
            std::optional<double> hours;
            if (task.estimate) {
                hours = estimate_in_hours(*task.estimate, unit);
            }
            std::string done = task.done ? "done" : "not-done";
            std::string remaining = task.done ? "0" : number_cell(hours);
            items.push_back({"Task", 3, task.title, std::to_string(asset.priority),
                             task_tag(asset.id, i + 1) + "; " + status_tag(done), path,
                             number_cell(hours), remaining, "",
                             html_lines({"Task of asset " + asset.id + " (" + asset.name + ")",
                                         "Status in mbl: " + done})});
        }
    }

    std::string iteration_path(const std::optional<std::string>& iteration) const {
        std::string name = iterations_.name_of(iteration);
        return name.empty() ? "" : iteration_prefix_ + "\\" + name;
    }

    const Backlog& backlog_;
    std::string iteration_prefix_;
    IterationNames iterations_;
};

// Writes work items into sheets of `levels` Title columns, each item `shift` levels up.
class SheetWriter {
  public:
    SheetWriter(std::string area_path, std::size_t levels, std::size_t shift)
        : area_path_(std::move(area_path)), levels_(levels), shift_(shift) {
        sheet_.columns = {{"ID"}, {"Work Item Type"}};
        for (std::size_t level = 1; level <= levels; ++level) {
            sheet_.columns.push_back({"Title " + std::to_string(level)});
        }
        sheet_.columns.insert(sheet_.columns.end(), {{"Priority", true},
                                                     {"Tags"},
                                                     {"Area Path"},
                                                     {"Iteration Path"},
                                                     {"Original Estimate", true},
                                                     {"Remaining Work", true},
                                                     {"Story Points", true},
                                                     {"Description"}});
    }

    void add(const WorkItem& item) {
        std::vector<std::string> row{"", item.type};
        row.resize(2 + levels_);
        row[2 + item.depth - shift_] = item.title;
        const std::string& area_path = area_path_;
        for (const std::string* cell :
             {&item.priority, &item.tags, &area_path, &item.iteration_path, &item.original_estimate,
              &item.remaining_work, &item.story_points, &item.description}) {
            row.push_back(*cell);
        }
        sheet_.rows.push_back(std::move(row));
    }

    std::size_t size() const { return sheet_.rows.size(); }
    Sheet take() { return std::move(sheet_); }

  private:
    std::string area_path_;
    std::size_t levels_, shift_;
    Sheet sheet_;
};

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

// `path` (given with `option`), or the project when empty; Error(usage) unless it is the
// project or starts with `<project>\` and has no empty segment.
std::string checked_path(const std::string& path, const std::string& project,
                         std::string_view option) {
    if (path.empty()) {
        return project;
    }
    bool under_project =
        path.size() >= project.size() &&
        equal_ignoring_case(std::string_view(path).substr(0, project.size()), project) &&
        (path.size() == project.size() || path[project.size()] == '\\');
    bool empty_segment = path.ends_with('\\') || path.find("\\\\") != std::string::npos;
    if (!under_project || empty_segment) {
        throw usage_error(std::string(option) + " '" + path + "' is not a path of the project '" +
                          project + "': give '" + project + "' or '" + project +
                          "\\NAME\\…', as Azure DevOps paths start with the project");
    }
    return path;
}

} // namespace

std::vector<Sheet> azure_devops_sheets(const Backlog& backlog, const AzureDevOpsOptions& options,
                                       std::size_t limit) {
    if (options.project.empty()) {
        throw usage_error("export csv --for azure-devops needs --project NAME: the Azure DevOps "
                          "project the iteration and area paths start with");
    }
    std::string prefix =
        checked_path(options.iteration_path_prefix, options.project, "--iteration-path-prefix");
    std::string area = checked_path(options.area_path, options.project, "--area-path");
    WbsItem migration = work_breakdown(backlog);
    AzureItemBuilder builder(backlog, prefix);
    std::vector<Hierarchy> features;
    for (const WbsItem& group : migration.children) {
        features.push_back(builder.feature(group));
        if (features.back().size() > limit) {
            std::string what = group.workload ? "workload '" + group.workload->id + "'"
                                              : "the group '" + group.name + "'";
            throw input_error(what + " is " + std::to_string(features.back().size()) +
                              " work items (its Feature, stories and tasks), more than one Azure "
                              "Boards import takes (" +
                              std::to_string(limit) +
                              "): split the workload so that each part fits in one file");
        }
    }

    std::vector<Sheet> sheets;
    SheetWriter first(area, 4, 0);
    first.add(builder.epic(migration));
    SheetWriter* writer = &first;
    SheetWriter later(area, 3, 1);
    for (const Hierarchy& feature : features) {
        if (writer->size() + feature.size() > limit) {
            sheets.push_back(writer->take());
            later = SheetWriter(area, 3, 1);
            writer = &later;
        }
        for (const WorkItem& item : feature) {
            writer->add(item);
        }
    }
    sheets.push_back(writer->take());
    return sheets;
}

} // namespace mbl
