#pragma once
// From a JSON pointer back to a line and column in the file text, for problems found on the
// loaded value (validation), which carry paths but no positions.

#include "mbl/problem.hpp"

#include <string_view>
#include <vector>

namespace mbl {

// Fills `position` of every problem in `problems` whose position is unknown, in one pass over
// `text`: the start of the value at `path`, or, when the path does not exist in the text (a
// missing key), of the deepest enclosing value that does. `text` must be syntactically valid
// JSON (it was loaded); problems are left unchanged otherwise.
void locate_problems(std::string_view text, std::vector<Problem>& problems);

// 1-based line and column (in code points) of byte `offset` in `text`.
SourcePosition position_of(std::string_view text, std::size_t offset);

} // namespace mbl
