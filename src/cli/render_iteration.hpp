#pragma once
// Iterations as rows, `show` fields and JSON documents (iteration list/show). Builds the shapes
// of render_table.hpp from the model and iteration_figures; the JSON functions print.

#include "cli/render_table.hpp"
#include "mbl/date.hpp"
#include "mbl/model.hpp"

#include <ostream>
#include <string>

namespace mbl::cli {

// `120 hours`: a number as the file spells it, then the file's estimate unit.
std::string amount(const Backlog& backlog, double value);

// `Added it-8: Iteration 8, 2026-12-14 to 2026-12-27, capacity 92 hours`.
std::string added_iteration_line(const Backlog& backlog, const Iteration& iteration);

// The tone of a state word: active attention, the rest plain.
Tone tone_of(IterationState state);

// Columns ID, NAME, START, END, STATE, CAPACITY, COMMITTED, DONE, DAYS LEFT (CSV keys id, name,
// start, end, state, capacity, committed_estimate, done_estimate, days_left), file order.
Table iteration_table(const Backlog& backlog, Date today);

// Dates, state, days left, capacity, committed vs done, the scope changed since the start, notes,
// then the iteration backlog: each committed asset with its status and estimate, its tasks
// under it.
std::vector<Field> iteration_fields(const Backlog& backlog, const Iteration& iteration, Date today);

// A JSON array of the file's iteration objects, each followed by the computed keys
// `committed_estimate`, `done_estimate` (null when unknown) and `days_left` (null unless active).
void render_iteration_list_json(std::ostream& out, const Backlog& backlog, Date today);

// The file's iteration object with the computed keys of the list, then `scope_change`
// ({"added", "removed"}, null until started) and `backlog` (the committed assets as in the
// file, in commitment order; unknown ids left out).
void render_iteration_show_json(std::ostream& out, const Backlog& backlog,
                                const Iteration& iteration, Date today);

} // namespace mbl::cli
