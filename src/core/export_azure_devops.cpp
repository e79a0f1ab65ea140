// Azure Boards' hierarchical CSV import: Epic → Feature → User Story → Task, in files of at most
// the import's limit, each Feature with everything beneath it in one file (export.hpp). The files
// are planned from the Features' sizes first; rows are then made and written one at a time.

#include "export_support.hpp"
#include "mbl/enums.hpp"
#include "mbl/error.hpp"
#include "mbl/export.hpp"

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

// One work item; the cells after the titles in the column order of azure_devops_sheets, the
// Area Path apart (the same on every row).
struct WorkItem {
    std::string type;
    std::size_t depth = 0; // 0: Epic, 1: Feature, 2: User Story, 3: Task
    std::string title, priority, tags, iteration_path, original_estimate, remaining_work,
        story_points, description;
};

// Gives work items to a sink as rows of `levels` Title columns, each item `shift` levels up.
class RowWriter {
  public:
    RowWriter(SheetSink& sink, const std::string& area_path, std::size_t levels, std::size_t shift)
        : sink_(sink), area_path_(area_path), levels_(levels), shift_(shift) {
        std::vector<SheetColumn> columns{{"ID"}, {"Work Item Type"}};
        for (std::size_t level = 1; level <= levels; ++level) {
            columns.push_back({"Title " + std::to_string(level)});
        }
        columns.insert(columns.end(), {{"Priority", true},
                                       {"Tags"},
                                       {"Area Path"},
                                       {"Iteration Path"},
                                       {"Original Estimate", true},
                                       {"Remaining Work", true},
                                       {"Story Points", true},
                                       {"Description"}});
        sink_.columns(columns);
    }

    void add(WorkItem item) {
        std::vector<std::string> row;
        row.reserve(2 + levels_ + 8);
        row.emplace_back();
        row.push_back(std::move(item.type));
        row.resize(2 + levels_);
        row[2 + item.depth - shift_] = std::move(item.title);
        for (std::string* cell : {&item.priority, &item.tags}) {
            row.push_back(std::move(*cell));
        }
        row.push_back(area_path_);
        for (std::string* cell : {&item.iteration_path, &item.original_estimate,
                                  &item.remaining_work, &item.story_points, &item.description}) {
            row.push_back(std::move(*cell));
        }
        sink_.row(std::move(row));
    }

  private:
    SheetSink& sink_;
    const std::string& area_path_;
    std::size_t levels_, shift_;
};

class AzureItemBuilder {
  public:
    AzureItemBuilder(const Backlog& backlog, std::string iteration_prefix)
        : backlog_(backlog), iteration_prefix_(std::move(iteration_prefix)) {}

    WorkItem epic() const {
        return {"Epic",
                0,
                backlog_.name,
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

    // The Feature of `group`, then everything beneath it, depth first.
    void feature(const ExportOutline::Group& group, RowWriter& out) const {
        const Workload* workload = group.workload;
        out.add({"Feature", 1, group.name(), workload ? std::to_string(workload->priority) : "",
                 workload ? workload_tag(workload->id) + "; " + stage_tag(workload->stage) : "", "",
                 "", "", "",
                 workload ? html_lines(workload_summary(*workload))
                          : html_lines({"Assets without a known workload"})});
        for (const ExportOutline::Member& member : group.members) {
            add_story(member, out);
        }
    }

  private:
    void add_story(const ExportOutline::Member& member, RowWriter& out) const {
        const Asset& asset = *member.asset;
        EstimateUnit unit = backlog_.settings.estimate_unit;
        std::string path = member.iteration.empty()
                               ? std::string()
                               : iteration_prefix_ + "\\" + std::string(member.iteration);
        std::string status(to_string(asset.status));
        std::vector<std::string> tags{asset_tag(asset.id), status_tag(status)};
        std::ranges::copy_if(asset.tags, std::back_inserter(tags),
                             [](const std::string& tag) { return !is_reserved_tag(tag); });
        std::vector<std::string> description = asset_summary(asset, unit);
        description.push_back("Status in mbl: " + status);
        out.add({"User Story", 2, asset.name, std::to_string(asset.priority), join(tags, "; "),
                 path, "", "",
                 unit == EstimateUnit::points ? number_cell(effective_estimate(asset)) : "",
                 html_lines(description)});
        for (std::size_t i = 0; i < asset.tasks.size(); ++i) {
            const Task& task = asset.tasks[i];
            std::optional<double> hours;
            if (task.estimate) {
                hours = estimate_in_hours(*task.estimate, unit);
            }
            std::string done = task.done ? "done" : "not-done";
            std::string remaining = task.done ? "0" : number_cell(hours);
            out.add({"Task", 3, task.title, std::to_string(asset.priority),
                     task_tag(asset.id, i + 1) + "; " + status_tag(done), path, number_cell(hours),
                     remaining, "",
                     html_lines({"Task of asset " + asset.id + " (" + asset.name + ")",
                                 "Status in mbl: " + done})});
        }
    }

    const Backlog& backlog_;
    std::string iteration_prefix_;
};

// The work items of a Feature with everything beneath it: the Feature, its stories, their tasks.
std::size_t feature_size(const ExportOutline::Group& group) {
    std::size_t size = 1;
    for (const ExportOutline::Member& member : group.members) {
        size += 1 + member.asset->tasks.size();
    }
    return size;
}

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

struct AzureDevOpsExport::Plan {
    Plan(const Backlog& backlog, std::string iteration_prefix, std::string area_path)
        : area(std::move(area_path)), outline(backlog),
          builder(backlog, std::move(iteration_prefix)) {}

    std::string area;
    ExportOutline outline;
    AzureItemBuilder builder;
    std::vector<std::size_t> sizes;          // work items of each file
    std::vector<std::size_t> first_features; // each file's first Feature (index in the groups)
};

AzureDevOpsExport::AzureDevOpsExport(const Backlog& backlog, const AzureDevOpsOptions& options,
                                     std::size_t limit) {
    if (options.project.empty()) {
        throw usage_error("export csv --for azure-devops needs --project NAME: the Azure DevOps "
                          "project the iteration and area paths start with");
    }
    std::string prefix =
        checked_path(options.iteration_path_prefix, options.project, "--iteration-path-prefix");
    std::string area = checked_path(options.area_path, options.project, "--area-path");
    plan_ = std::make_unique<Plan>(backlog, std::move(prefix), std::move(area));
    const std::vector<ExportOutline::Group>& groups = plan_->outline.groups();
    std::vector<std::size_t> feature_sizes;
    for (const ExportOutline::Group& group : groups) {
        feature_sizes.push_back(feature_size(group));
        if (feature_sizes.back() > limit) {
            std::string what = group.workload ? "workload '" + group.workload->id + "'"
                                              : "the group '" + group.name() + "'";
            throw input_error(what + " is " + std::to_string(feature_sizes.back()) +
                              " work items (its Feature, stories and tasks), more than one Azure "
                              "Boards import takes (" +
                              std::to_string(limit) +
                              "): split the workload so that each part fits in one file");
        }
    }
    // Greedily in planning order: a Feature that does not fit beside the file's items starts the
    // next file. The first file starts with the Epic.
    plan_->sizes = {1};
    plan_->first_features = {0};
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (plan_->sizes.back() + feature_sizes[g] > limit) {
            plan_->sizes.push_back(0);
            plan_->first_features.push_back(g);
        }
        plan_->sizes.back() += feature_sizes[g];
    }
}

AzureDevOpsExport::~AzureDevOpsExport() = default;

const std::vector<std::size_t>& AzureDevOpsExport::file_sizes() const {
    return plan_->sizes;
}

void AzureDevOpsExport::write_file(std::size_t index, SheetSink& sink) const {
    const std::vector<std::size_t>& firsts = plan_->first_features;
    const std::vector<ExportOutline::Group>& groups = plan_->outline.groups();
    std::size_t end = index + 1 < firsts.size() ? firsts[index + 1] : groups.size();
    // The first file holds the Epic above its Features; the later ones have their Features at
    // Title 1 and no Title 4.
    RowWriter out(sink, plan_->area, index == 0 ? 4 : 3, index == 0 ? 0 : 1);
    if (index == 0) {
        out.add(plan_->builder.epic());
    }
    for (std::size_t g = firsts.at(index); g < end; ++g) {
        plan_->builder.feature(groups[g], out);
    }
}

std::vector<Sheet> azure_devops_sheets(const Backlog& backlog, const AzureDevOpsOptions& options,
                                       std::size_t limit) {
    AzureDevOpsExport exported(backlog, options, limit);
    std::vector<Sheet> sheets;
    for (std::size_t i = 0; i < exported.file_sizes().size(); ++i) {
        sheets.push_back(collect_sheet([&](SheetSink& sink) { exported.write_file(i, sink); }));
    }
    return sheets;
}

} // namespace mbl
