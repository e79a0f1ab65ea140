#pragma once
// Every rule a backlog must satisfy beyond its types (SPEC.md and the foundation issue).

#include "mbl/load.hpp"
#include "mbl/model.hpp"
#include "mbl/problem.hpp"

#include <vector>

namespace mbl {

// Returns every problem in `backlog`, errors and warnings, in a stable order (by rule, then by
// position in the file). Each carries the JSON pointer of the value concerned; positions are
// left unknown (see locate_problems). Pure: looks at nothing but `backlog`.
//
// Errors (code): duplicate ids (duplicate-id); ids that are not slugs (invalid-id); dangling
// references: asset -> workload (unknown-workload), depends_on, committed and completed ids
// (unknown-asset, unknown-workload); an entity depending on itself (self-dependency);
// dependency cycles among assets and among workloads, named in order (dependency-cycle);
// negative estimates and capacities (negative-estimate, negative-capacity); priorities outside
// 1-4 (priority-range); an iteration ending before it starts (iteration-dates); more than one
// active iteration (multiple-active); overlapping iterations (overlapping-iterations); an asset
// committed to two open iterations (double-commitment) or twice to one (duplicate-commitment);
// a workload past `migrating` whose release backlog has unreplicated assets (stage-not-ready);
// `iteration_length_days` below 1 (iteration-length-setting).
// Warnings: `iteration_length_days` outside 7-28 (iteration-length-setting); an iteration whose
// length differs from it (iteration-length); a closed iteration without `completed` or
// `completed_estimate` (closed-without-completed).
std::vector<Problem> validate_backlog(const Backlog& backlog);

// What `mbl validate` reports for a file: the loaded backlog and every problem in it.
struct CheckResult {
    Backlog backlog;
    // The loader's problems and validation's, each with its position, sorted by position.
    // When the loader reports an error, validation does not run: an unreadable value leaves a
    // default in its place (a date of 1970-01-01, an empty id), on which the rules would report
    // problems that are not in the file. Fix what the loader reports, then validate again.
    std::vector<Problem> problems;
};

// Loads `text`, validates what could be loaded and locates every problem. Throws mbl::Error
// (ExitStatus::input, `file_label:LINE:COLUMN: …`) when the text cannot be read at all (see
// load_backlog).
CheckResult check_backlog_text(std::string_view text, std::string_view file_label);
// The same on a text the loader releases as it reads it (load.hpp), restored only when a
// problem needs its position.
CheckResult check_backlog_text(ReleasableText& text, std::string_view file_label);

} // namespace mbl
