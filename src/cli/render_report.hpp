#pragma once
// The report of `mbl validate`: for people (text), for scripts (json), and as GitHub Actions
// annotations (github).

#include "mbl/problem.hpp"

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace mbl::cli {

struct ValidationReport {
    std::string file_label;
    // The github format's `file=`: the path from the repository root, where GitHub looks for the
    // file of a pull request; empty: file_label.
    std::string annotation_file;
    std::vector<Problem> problems; // with positions where known
    bool strict = false;           // warnings fail too
    bool unreadable = false;       // the file could not be read at all; problems holds why
    std::size_t workloads = 0, assets = 0, iterations = 0;
};

std::size_t count_problems(const std::vector<Problem>& problems, Severity severity);

// The exit status the report calls for: 3 when unreadable, 1 when there is an error (with
// `strict`, also a warning), 0 otherwise.
int report_exit_status(const ValidationReport& report);

// `backlog.json:12:7: error: message [code]` per problem, then a summary: `2 errors, 1 warning`
// when the check fails, else `backlog.json is valid: 8 workloads, 80 assets, 7 iterations` (with
// `(1 warning)` after `valid` when there are warnings). Severity words coloured.
void render_report_text(std::ostream& out, const ValidationReport& report, bool color);

// {"file", "valid", "errors", "warnings", "problems": [{"severity", "code", "message", "path",
// "line", "column"}]}, line and column null when unknown.
void render_report_json(std::ostream& out, const ValidationReport& report);

// One `::error file=...,line=...,col=...,title=mbl validate (code)::message` workflow command per
// problem (`::warning` for warnings; file= is annotation_file, else file_label), then the text
// summary line.
void render_report_github(std::ostream& out, const ValidationReport& report);

// Escaping of GitHub workflow commands: in the message, `%` CR LF as %25 %0D %0A; in a property
// value, also `:` and `,` as %3A %2C.
std::string github_escape_data(std::string_view text);
std::string github_escape_property(std::string_view text);

// `1 error`, `2 errors`.
std::string count_noun(std::size_t count, std::string_view noun);

} // namespace mbl::cli
