#pragma once
// Every rule a backlog must satisfy beyond its types (README.md, "The file", and docs/).

#include "mbl/load.hpp"
#include "mbl/model.hpp"
#include "mbl/problem.hpp"

#include <string>
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
//
// `unread` (LoadResult::unread) names the values the loader could not read: the rules skip
// exactly what depends on them (a problem at or inside one; the readiness of an asset whose
// status, strategy or workload is unread; the dates of an iteration whose start or end is; the
// commitments of one whose state is; unknown ids of a kind when one of its ids is unread), so
// a file with a bad enum or date still gets every other problem, and none about the defaults.
std::vector<Problem> validate_backlog(const Backlog& backlog,
                                      const std::vector<std::string>& unread = {});

// What `mbl validate` reports for a file: the loaded backlog and every problem in it.
struct CheckResult {
    Backlog backlog;
    // The loader's problems and validation's, each with its position, sorted by position.
    // Validation runs even when the loader reports errors, skipping the values it could not
    // read (validate_backlog's `unread`), so one run lists every problem of the file.
    std::vector<Problem> problems;
    // Whether the loader itself reported an error (a value of the wrong type, an unknown
    // spelling, …): `backlog` then holds defaults in their place, and is not the file's
    // (load_backlog_or_throw would refuse it). Without one, `backlog` is exactly what
    // load_backlog_or_throw returns for the same text.
    bool load_errors = false;
};

// Loads `text`, validates what could be loaded and locates every problem. Throws mbl::Error
// (ExitStatus::input, `file_label:LINE:COLUMN: …`) when the text cannot be read at all (see
// load_backlog).
CheckResult check_backlog_text(std::string_view text, std::string_view file_label);
// The same on a text the loader releases as it reads it (load.hpp), restored only when a
// problem needs its position.
CheckResult check_backlog_text(ReleasableText& text, std::string_view file_label);

} // namespace mbl
