#pragma once
// Text to a Backlog, streaming straight into the typed model (no JSON tree per record).

#include "mbl/model.hpp"
#include "mbl/problem.hpp"

#include <string_view>
#include <vector>

namespace mbl {

struct LoadResult {
    Backlog backlog;
    // Every problem met while reading values, in file order, each with its path and position:
    // wrong types, unknown enum values, invalid dates (errors); unknown keys not starting with
    // `x-` (warnings naming the nearest known key). The backlog holds what could be read; when
    // there is any error it must not be saved.
    std::vector<Problem> problems;
};

// Nesting deeper than this is refused (never a stack overflow on hostile input).
inline constexpr int max_json_depth = 256;

// Reads `text` (UTF-8 JSON; a leading byte-order mark is skipped, and not written back).
// Throws `mbl::Error` with ExitStatus::input, whose message starts `<file_label>:LINE:COLUMN: `,
// for what makes the file unreadable as a whole: a JSON syntax error, invalid UTF-8, a duplicate
// key, nesting beyond `max_json_depth`, a top level that is not an object, a missing `format`,
// or a `format` newer than `mbl/1` (refused whole, whatever else the file holds).
LoadResult load_backlog(std::string_view text, std::string_view file_label = "backlog.json");

// Like load_backlog, but also throws (ExitStatus::input) when the result has any error problem,
// listing the first few as `<file_label>:LINE:COLUMN: message`. For commands that need a usable
// backlog; `validate` uses load_backlog to report everything.
Backlog load_backlog_or_throw(std::string_view text, std::string_view file_label = "backlog.json");

} // namespace mbl
