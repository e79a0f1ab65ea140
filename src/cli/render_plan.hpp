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

// What `mbl iteration plan` shows: the plan, and what --commit did when it was given.
struct PlanReport {
    IterationPlan plan;
    std::optional<PlanCommitment> commitment;
};

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
