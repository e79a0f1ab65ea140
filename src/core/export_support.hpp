#pragma once
// Shared by the sheet builders of export.hpp (private to the core library): cell texts for
// numbers, lists, attributes and iterations, and the plain-text summary of what an item is.

#include "mbl/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mbl {

// `value` as the writer spells numbers (format_number); empty for none.
std::string number_cell(const std::optional<double>& value);

// `items` joined with `separator`; empty for none.
std::string join(const std::vector<std::string>& items, std::string_view separator);

// `lines` as HTML (Azure Boards' Description): each line escaped (`&`, `<`, `>`, `"`; a newline
// becomes `<br>`), one `<br>` between them.
std::string html_lines(const std::vector<std::string>& lines);

// An attribute's value as a cell: a JSON string's text (unescaped), any other value's JSON on
// one line (`8`, `true`, `[1, 2]`).
std::string attribute_text(const RawJson& value);

// Whether `value` is a JSON number.
bool is_json_number(const RawJson& value);

// Iteration id -> iteration (the first with that id), for the names of the assets' iterations
// (the work breakdown names an iteration by its id).
class IterationNames {
  public:
    explicit IterationNames(const Backlog& backlog);
    // The name of iteration `id` (in the backlog); empty for an unknown id.
    std::string_view name_of(std::string_view id) const;

  private:
    std::unordered_map<std::string_view, const Iteration*> by_id_;
};

// The hierarchy the agile-tool exports are made from: the groups of the work breakdown
// (work_breakdown in release.hpp: the workloads in planning order, then the assets without a known
// workload when there are some), each with its assets in file order and the name of each asset's
// iteration (iteration_of_asset), looked up once. Only pointers into the backlog: none of the
// copies of names, numbers and dates that the work breakdown tree makes for every asset and task.
class ExportOutline {
  public:
    struct Member {
        const Asset* asset = nullptr;
        std::string_view iteration; // the name of the asset's iteration; empty for none
    };
    struct Group {
        const Workload* workload = nullptr; // null: the assets without a known workload
        std::vector<Member> members;
        // The workload's name, or "Assets without a workload".
        const std::string& name() const;
    };

    explicit ExportOutline(const Backlog& backlog);
    const std::vector<Group>& groups() const { return groups_; }

  private:
    std::vector<Group> groups_;
};

// Lines saying what an asset is: `Asset crm-sql-01: database, rehost, not-started`, its
// effective estimate with the unit, owner, dependencies, attributes (`key=value`, `; `-separated)
// and notes, each only when set (the first two always).
std::vector<std::string> asset_summary(const Asset& asset, EstimateUnit unit);

// Lines saying what a workload is: `Workload crm: stage migrating, priority 1`, owner,
// dependencies, target date and notes when set.
std::vector<std::string> workload_summary(const Workload& workload);

} // namespace mbl
