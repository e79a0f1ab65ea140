#pragma once
// The progress report as GitHub-flavoured Markdown, for $GITHUB_STEP_SUMMARY and pull-request
// comments.

#include "mbl/model.hpp"
#include "mbl/progress_report.hpp"

#include <ostream>
#include <string_view>

namespace mbl::cli {

// `# Migration report: NAME`, a line with the day and unit, then one `##` section each: Assets by
// status, Active iteration, Velocity, Release readiness, Forecast, Problems (progress_view.hpp
// says what each holds). Every string from the file goes through markdown_escape (in tables
// too), so a name can add no HTML, link, table cell or formatting.
void render_progress_markdown(std::ostream& out, const ProgressReport& report,
                              const Backlog& backlog, std::string_view file_label);

} // namespace mbl::cli
