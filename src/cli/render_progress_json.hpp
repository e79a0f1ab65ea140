#pragma once
// The progress report as JSON: the documents of the commands it gathers from, under one object,
// so a jq filter written against `mbl status`, `velocity`, `forecast`, `release list` or
// `validate --format json` works on the matching key.

#include "cli/render_report_json.hpp"
#include "mbl/progress_report.hpp"

#include <string_view>

namespace mbl::cli {

// {"file", "today", "unit", "totals": [{"status", "assets", "estimate", "unestimated"}],
// "status": status_json, "velocity": velocity_json, "releases": release_list_json, "progress":
// [{"id", "name", "not-started", "in-progress", "blocked", "replicated", "no-migration"}],
// "forecast": forecast_json (no `by`), "problems": {"errors", "warnings", "problems": [{
// "severity", "code", "message", "path", "line", "column"}]}} (every problem, not only the first).
ReportJson progress_report_json(const ProgressReport& report, const Backlog& backlog,
                                std::string_view file_label);

} // namespace mbl::cli
