// Cell texts and summaries shared by the sheet builders (export_support.hpp).

#include "export_support.hpp"

#include "id_index.hpp"
#include "json_tokenizer.hpp"
#include "mbl/enums.hpp"
#include "mbl/export.hpp"
#include "mbl/figure.hpp"
#include "mbl/forecast.hpp"
#include "mbl/raw_json.hpp"
#include "mbl/save.hpp"
#include "release_support.hpp"

namespace mbl {

std::optional<double> estimate_in_hours(double estimate, EstimateUnit unit) {
    switch (unit) {
    case EstimateUnit::hours:
        return estimate;
    case EstimateUnit::days:
        return estimate * 8;
    default:
        return std::nullopt;
    }
}

namespace {

// Keeps what it is given.
class SheetCollector final : public SheetSink {
  public:
    void columns(const std::vector<SheetColumn>& columns) override { sheet.columns = columns; }
    void row(std::vector<std::string> cells) override { sheet.rows.push_back(std::move(cells)); }

    Sheet sheet;
};

} // namespace

Sheet collect_sheet(const std::function<void(SheetSink&)>& write) {
    SheetCollector collector;
    write(collector);
    return std::move(collector.sheet);
}

std::string number_cell(const std::optional<double>& value) {
    return value ? format_figure(*value) : std::string();
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += separator;
        }
        out += items[i];
    }
    return out;
}

std::string html_lines(const std::vector<std::string>& lines) {
    std::size_t size = 0;
    for (const std::string& line : lines) {
        size += line.size() + 4;
    }
    std::string out;
    out.reserve(size);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) {
            out += "<br>";
        }
        const std::string& line = lines[i];
        std::size_t start = 0;
        for (std::size_t k = 0; k < line.size(); ++k) {
            std::string_view entity;
            switch (line[k]) {
            case '&':
                entity = "&amp;";
                break;
            case '<':
                entity = "&lt;";
                break;
            case '>':
                entity = "&gt;";
                break;
            case '"':
                entity = "&quot;";
                break;
            case '\n':
                entity = "<br>";
                break;
            default:
                continue;
            }
            out.append(line, start, k - start);
            out += entity;
            start = k + 1;
        }
        out.append(line, start);
    }
    return out;
}

std::string attribute_text(const RawJson& value) {
    const std::string& text = value.text;
    if (text.empty() || text.front() != '"') {
        return one_line(value);
    }
    std::string decoded;
    detail::TokenScan scan = detail::scan_string(text.data(), text.data() + text.size(), decoded);
    if (!scan.error.empty()) {
        return text; // canonical text always scans; keep it as written if it ever does not
    }
    return scan.plain ? text.substr(1, text.size() - 2) : decoded;
}

bool is_json_number(const RawJson& value) {
    const std::string& text = value.text;
    return !text.empty() && (text.front() == '-' || (text.front() >= '0' && text.front() <= '9'));
}

IterationNames::IterationNames(const Backlog& backlog) {
    for (const Iteration& iteration : backlog.iterations) {
        by_id_.emplace(iteration.id, &iteration);
    }
}

std::string_view IterationNames::name_of(std::string_view id) const {
    auto found = by_id_.find(id);
    return found == by_id_.end() ? std::string_view() : found->second->name;
}

const std::string& ExportOutline::Group::name() const {
    static const std::string without_workload = "Assets without a workload";
    return workload ? workload->name : without_workload;
}

ExportOutline::ExportOutline(const Backlog& backlog) {
    // As work_breakdown groups them: a group per workload in planning order (the first workload
    // of an id takes its assets), then the assets whose workload is unknown.
    std::unordered_map<std::string_view, std::size_t> group_of;
    IdIndex<Workload> workloads(backlog.workloads); // find_workload's answers, not a scan each
    for (const std::string& id : workloads_in_planning_order(backlog)) {
        const Workload* workload = &backlog.workloads[workloads.find(id)];
        group_of.emplace(workload->id, groups_.size());
        groups_.push_back({workload, {}});
    }
    IterationsByAsset iteration_of = index_iterations_by_asset(backlog);
    IterationNames names(backlog); // an iteration's name is the first of its id's, as in the WBS
    Group without_workload;
    for (const Asset& asset : backlog.assets) {
        auto found = asset.workload ? group_of.find(*asset.workload) : group_of.end();
        const Iteration* iteration = lookup_iteration(iteration_of, asset.id);
        (found == group_of.end() ? without_workload : groups_[found->second])
            .members.push_back({&asset, iteration ? names.name_of(iteration->id) : ""});
    }
    if (!without_workload.members.empty()) {
        groups_.push_back(std::move(without_workload));
    }
}

namespace {

std::string with_unit(const std::optional<double>& estimate, EstimateUnit unit) {
    return estimate ? format_figure(*estimate) + " " + std::string(to_string(unit)) : "none";
}

std::string attributes_line(const RawObject& attributes) {
    std::vector<std::string> pairs;
    for (const auto& [key, value] : attributes) {
        pairs.push_back(key + "=" + attribute_text(value));
    }
    return "Attributes: " + join(pairs, "; ");
}

} // namespace

std::vector<std::string> asset_summary(const Asset& asset, EstimateUnit unit) {
    std::vector<std::string> lines{"Asset " + asset.id + ": " + std::string(to_string(asset.kind)) +
                                       ", " + std::string(to_string(asset.strategy)) + ", " +
                                       std::string(to_string(asset.status)),
                                   "Estimate: " + with_unit(effective_estimate(asset), unit)};
    if (asset.owner) {
        lines.push_back("Owner: " + *asset.owner);
    }
    if (!asset.depends_on.empty()) {
        lines.push_back("Depends on: " + join(asset.depends_on, ", "));
    }
    if (!asset.attributes.empty()) {
        lines.push_back(attributes_line(asset.attributes));
    }
    if (asset.notes) {
        lines.push_back("Notes: " + *asset.notes);
    }
    return lines;
}

std::vector<std::string> workload_summary(const Workload& workload) {
    std::vector<std::string> lines{"Workload " + workload.id + ": stage " +
                                   std::string(to_string(workload.stage)) + ", priority " +
                                   std::to_string(workload.priority)};
    if (workload.owner) {
        lines.push_back("Owner: " + *workload.owner);
    }
    if (!workload.depends_on.empty()) {
        lines.push_back("Depends on: " + join(workload.depends_on, ", "));
    }
    if (workload.target_date) {
        lines.push_back("Target date: " + workload.target_date->to_string());
    }
    if (workload.notes) {
        lines.push_back("Notes: " + *workload.notes);
    }
    return lines;
}

} // namespace mbl
