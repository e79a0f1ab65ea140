#pragma once
// A problem found in a backlog file: by the loader (bad types, unknown keys) or by validation.

#include <cstddef>
#include <string>
#include <vector>

namespace mbl {

enum class Severity { error, warning };

// Where in the file text a problem is: 1-based line and column (columns count Unicode code
// points). `line == 0` when unknown.
struct SourcePosition {
    std::size_t line = 0;
    std::size_t column = 0;
    friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

struct Problem {
    Severity severity = Severity::error;
    std::string path;    // JSON pointer of the value concerned, e.g. `/assets/12/depends_on/0`
    std::string message; // what is wrong and, where it helps, what to do
    SourcePosition position;
    std::string code; // short stable identifier for scripts, e.g. `unknown-asset`
    friend bool operator==(const Problem&, const Problem&) = default;
};

bool has_errors(const std::vector<Problem>& problems);

// `path` with `/` and `~` escaped for use as one JSON pointer segment (RFC 6901).
std::string pointer_segment(std::string_view key);

} // namespace mbl
