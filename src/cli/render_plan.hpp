#pragma once
// The report of `mbl iteration plan`: the capacity and where it came from, the proposed assets
// with a running total, what was left out grouped by reason, and what --commit did. For people
// (text) and for scripts (json).

#include "mbl/model.hpp"
#include "mbl/planning.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace mbl::cli {

// Where the plan's capacity came from, as the command chose it: the planning capacity's source,
// plus the planned iteration's own `capacity` field, which the command passes as the requested
// capacity.
enum class CapacityOrigin { flag, iteration, velocity, default_capacity };

// What `--commit` changed.
struct PlanCommitment {
    std::string iteration_id;
    bool created = false;           // the iteration was added for this plan
    std::vector<std::string> added; // newly committed, in plan order
    double added_estimate = 0;
    // --capacity N stored as the iteration's capacity: the capacity it had before (none when the
    // iteration was created, or already had N).
    std::optional<double> capacity_before;
};

struct PlanReport {
    IterationPlan plan;
    CapacityOrigin origin = CapacityOrigin::default_capacity;
    std::optional<PlanCommitment> commitment;
};

// The planning capacity's source as an origin (flag stays flag: the caller knows better).
CapacityOrigin origin_of(CapacitySource source);

// `capacity 94 hours: average of it-3, it-4, it-5` without the leading word.
std::string capacity_line(const Backlog& backlog, const PlanReport& report);

// The heading, the capacity line, the proposal as a table (ID, WORKLOAD, ESTIMATE, TOTAL) and
// its sum, then `Left out:` one line per reason (`over capacity: x (needs 40, 12 left)`; done
// assets only counted), then what the iteration commits that the plan leaves out (it stays
// committed: the command never takes anything out), then what --commit did. `backlog` holds the
// iteration and the proposed assets (after the commit, when there was one).
void render_plan_text(std::ostream& out, const Backlog& backlog, const PlanReport& report,
                      bool color);

// {"iteration", "capacity", "capacity_source" (flag|iteration|velocity|default),
// "capacity_from" (the ids averaged), "proposed": [{"id", "workload", "estimate",
// "running_total"}], "proposed_estimate", "left_out": [{"id", "reason", "detail"}],
// "committed_not_proposed" (ids), "committed": null or {"iteration", "created", "added",
// "added_estimate"}}. Reasons spelled like the file's enums: replicated, no-migration, blocked,
// committed-elsewhere, needs-estimate, waiting-on-dependency, over-capacity; detail null when
// there is none.
void render_plan_json(std::ostream& out, const Backlog& backlog, const PlanReport& report);

} // namespace mbl::cli
