#pragma once
// Every rule a backlog must satisfy beyond its types (SPEC.md and the foundation issue).

#include "mbl/model.hpp"
#include "mbl/problem.hpp"

#include <vector>

namespace mbl {

// Returns every problem in `backlog`, errors and warnings, in a stable order (by rule, then by
// position in the file). Each carries the JSON pointer of the value concerned; positions are
// left unknown (see locate_problems). Pure: looks at nothing but `backlog`.
//
// Errors: duplicate ids; ids that are not slugs; dangling references (asset -> workload,
// depends_on, committed/completed assets); dependency cycles among assets and among workloads
// (the message names the cycle); negative estimates and capacities; priorities outside 1-4; an
// iteration ending before it starts; more than one active iteration; overlapping iterations; an
// asset committed to two open iterations; a workload past `migrating` whose release backlog has
// unreplicated assets.
// Warnings: `iteration_length_days` outside 7-28; an iteration whose length differs from it.
std::vector<Problem> validate_backlog(const Backlog& backlog);

} // namespace mbl
