#include "cli/render_plan.hpp"

#include "cli/command_support.hpp"
#include "cli/json_number.hpp"
#include "cli/render_iteration.hpp"
#include "cli/render_number.hpp"
#include "cli/render_table.hpp"
#include "cli/render_text.hpp"
#include "mbl/iteration_figures.hpp"
#include "mbl/save.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

namespace mbl::cli {
namespace {

using nlohmann::ordered_json;

struct ReasonWording {
    ExclusionReason reason;
    const char* json;  // in --format json
    const char* label; // in the text report
};

// In the order the text report lists them: what the team can act on first.
constexpr std::array<ReasonWording, 7> reason_wordings{{
    {ExclusionReason::over_capacity, "over-capacity", "over capacity"},
    {ExclusionReason::waiting_on_dependency, "waiting-on-dependency", "waiting on dependency"},
    {ExclusionReason::needs_estimate, "needs-estimate", "needs an estimate"},
    {ExclusionReason::blocked, "blocked", "blocked"},
    {ExclusionReason::committed_elsewhere, "committed-elsewhere", "committed to another iteration"},
    {ExclusionReason::no_migration, "no-migration", "no migration needed"},
    {ExclusionReason::replicated, "replicated", "already replicated"},
}};

const ReasonWording& wording_of(ExclusionReason reason) {
    for (const ReasonWording& wording : reason_wordings) {
        if (wording.reason == reason) {
            return wording;
        }
    }
    return reason_wordings.back();
}

// How one left-out asset reads: `web-01 (needs crm-sql-01)`.
std::string left_out_item(const Exclusion& exclusion) {
    if (exclusion.detail.empty()) {
        return exclusion.asset_id;
    }
    std::string detail = exclusion.detail;
    if (exclusion.reason == ExclusionReason::waiting_on_dependency) {
        detail = "needs " + detail;
    }
    return exclusion.asset_id + " (" + detail + ")";
}

std::string assets_count(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " asset" : " assets");
}

std::string heading(const Backlog& backlog, const PlanReport& report) {
    const std::optional<std::string>& id = report.plan.iteration_id;
    if (!id) {
        return "Plan for a new iteration (none is planned; --commit adds it)";
    }
    const Iteration* iteration = find_iteration(backlog, *id);
    if (iteration == nullptr) {
        return "Plan for " + *id;
    }
    return "Plan for " + *id + " (" + iteration->start.to_string() + " to " +
           iteration->end.to_string() + ")";
}

Table proposal_table(const Backlog& backlog, const IterationPlan& plan) {
    // The proposed assets only (a few hundred, where the backlog may hold a million): the first
    // asset holding an id wins, as everywhere.
    std::unordered_map<std::string_view, const Asset*> assets;
    for (const PlannedAsset& planned : plan.proposed) {
        assets.emplace(planned.asset_id, nullptr);
    }
    for (const Asset& asset : backlog.assets) {
        if (auto found = assets.find(asset.id); found != assets.end() && !found->second) {
            found->second = &asset;
        }
    }
    Table table;
    table.columns = {{"ID", "id"},
                     {"WORKLOAD", "workload"},
                     {"ESTIMATE", "estimate", ColumnKind::number},
                     {"TOTAL", "running_total", ColumnKind::number}};
    double total = 0;
    for (const PlannedAsset& planned : plan.proposed) {
        total += planned.estimate;
        auto found = assets.find(planned.asset_id);
        std::string workload =
            found == assets.end() || !found->second ? "" : found->second->workload.value_or("");
        table.rows.push_back({{planned.asset_id},
                              {workload},
                              {rounded_number(planned.estimate)},
                              {rounded_number(total)}});
    }
    return table;
}

// The ids the planned iteration commits that the plan does not propose, in commitment order.
std::vector<std::string> committed_not_proposed(const Backlog& backlog, const IterationPlan& plan) {
    const Iteration* iteration =
        plan.iteration_id ? find_iteration(backlog, *plan.iteration_id) : nullptr;
    if (iteration == nullptr) {
        return {};
    }
    std::unordered_set<std::string_view> proposed;
    for (const PlannedAsset& planned : plan.proposed) {
        proposed.insert(planned.asset_id);
    }
    std::vector<std::string> kept;
    for (const std::string& id : iteration->committed) {
        if (proposed.insert(id).second) { // also skips an id committed twice
            kept.push_back(id);
        }
    }
    return kept;
}

void render_left_out(std::ostream& out, const IterationPlan& plan) {
    if (plan.left_out.empty()) {
        return;
    }
    out << "\nLeft out:\n";
    for (const ReasonWording& wording : reason_wordings) {
        std::vector<std::string> items;
        for (const Exclusion& exclusion : plan.left_out) {
            if (exclusion.reason == wording.reason) {
                items.push_back(left_out_item(exclusion));
            }
        }
        if (items.empty()) {
            continue;
        }
        std::string line = std::string(wording.label) + ": ";
        line += wording.reason == ExclusionReason::replicated ? assets_count(items.size())
                                                              : comma_list(items);
        out << "  " << terminal_safe(line) << '\n';
    }
}

} // namespace

std::string capacity_line(const Backlog& backlog, const PlanReport& report) {
    const PlanningCapacity& capacity = report.plan.capacity;
    std::string line = "capacity " + amount(backlog, capacity.value) + ": ";
    switch (capacity.source) {
    case CapacitySource::flag:
        return line + "--capacity";
    case CapacitySource::iteration:
        return line + "the capacity of " + report.plan.iteration_id.value_or("the iteration");
    case CapacitySource::velocity:
        return line + "average of " + comma_list(capacity.from_iterations);
    case CapacitySource::default_capacity:
        break;
    }
    return line + "settings.default_capacity (no closed iteration yet)";
}

void render_plan_text(std::ostream& out, const Backlog& backlog, const PlanReport& report,
                      bool color) {
    const IterationPlan& plan = report.plan;
    std::string capacity = capacity_line(backlog, report);
    capacity[0] = 'C';
    out << terminal_safe(heading(backlog, report)) << '\n' << terminal_safe(capacity) << "\n\n";
    if (plan.proposed.empty()) {
        out << "Nothing fits: see what was left out and why.\n";
    } else {
        render_table(out, proposal_table(backlog, plan), color);
        out << "Proposed: " << assets_count(plan.proposed.size()) << ", "
            << amount(backlog, without_rounding_noise(plan.proposed_estimate)) << " of "
            << rounded_number(plan.capacity.value) << '\n';
    }
    render_left_out(out, plan);
    if (std::vector<std::string> kept = committed_not_proposed(backlog, plan); !kept.empty()) {
        out << '\n'
            << terminal_safe("Still committed to " + *plan.iteration_id +
                             " though the plan leaves them out: " + comma_list(kept) +
                             " ('mbl iteration uncommit " + *plan.iteration_id +
                             " ID...' takes them out)")
            << '\n';
    }
    if (const auto& commitment = report.commitment) {
        out << '\n';
        if (const Iteration* created = find_iteration(backlog, commitment->iteration_id);
            created != nullptr && commitment->created) {
            out << terminal_safe(added_iteration_line(backlog, *created)) << '\n';
        }
        if (commitment->capacity_before) {
            out << terminal_safe(commitment->iteration_id + ": capacity " +
                                 format_number(*commitment->capacity_before) + " -> " +
                                 format_number(report.plan.capacity.value))
                << '\n';
        }
        if (commitment->added.empty()) {
            out << terminal_safe(report.plan.proposed.empty()
                                     ? "Nothing to commit: nothing fits " + commitment->iteration_id
                                     : "Nothing new to commit: " + commitment->iteration_id +
                                           " already commits the whole proposal")
                << '\n';
        } else {
            out << terminal_safe("Committed " + assets_count(commitment->added.size()) + " (" +
                                 amount(backlog, commitment->added_estimate) + ") to " +
                                 commitment->iteration_id)
                << '\n';
        }
    }
}

void render_plan_json(std::ostream& out, const Backlog& backlog, const PlanReport& report) {
    const IterationPlan& plan = report.plan;
    static constexpr std::array<const char*, 4> source_names{"flag", "iteration", "velocity",
                                                             "default"};
    ordered_json document;
    document["iteration"] = plan.iteration_id ? ordered_json(*plan.iteration_id) : nullptr;
    document["capacity"] = json_number(plan.capacity.value);
    document["capacity_source"] = source_names[static_cast<std::size_t>(plan.capacity.source)];
    document["capacity_from"] = plan.capacity.from_iterations;
    Table table = proposal_table(backlog, plan);
    ordered_json proposed = ordered_json::array();
    double total = 0;
    for (std::size_t i = 0; i < plan.proposed.size(); ++i) {
        const std::string& workload = table.rows[i][1].text;
        total += plan.proposed[i].estimate;
        proposed.push_back(
            {{"id", plan.proposed[i].asset_id},
             {"workload", workload.empty() ? ordered_json(nullptr) : ordered_json(workload)},
             {"estimate", json_number(plan.proposed[i].estimate)},
             {"running_total", json_number(without_rounding_noise(total))}});
    }
    document["proposed"] = std::move(proposed);
    document["proposed_estimate"] = json_number(without_rounding_noise(plan.proposed_estimate));
    ordered_json left_out = ordered_json::array();
    for (const Exclusion& exclusion : plan.left_out) {
        left_out.push_back({{"id", exclusion.asset_id},
                            {"reason", wording_of(exclusion.reason).json},
                            {"detail", exclusion.detail.empty() ? ordered_json(nullptr)
                                                                : ordered_json(exclusion.detail)}});
    }
    document["left_out"] = std::move(left_out);
    document["committed_not_proposed"] = committed_not_proposed(backlog, plan);
    if (const auto& commitment = report.commitment) {
        document["committed"] = {{"iteration", commitment->iteration_id},
                                 {"created", commitment->created},
                                 {"added", commitment->added},
                                 {"added_estimate", json_number(commitment->added_estimate)}};
    } else {
        document["committed"] = nullptr;
    }
    out << document.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

} // namespace mbl::cli
