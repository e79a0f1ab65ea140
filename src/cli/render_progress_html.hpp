#pragma once
// The progress report as one self-contained HTML page: inline CSS, inline SVG charts, no script
// and no external reference, readable on screen and on paper.

#include "cli/render_table.hpp"
#include "mbl/model.hpp"
#include "mbl/progress_report.hpp"

#include <ostream>
#include <string_view>

namespace mbl::cli {

// `table` as `<table>` with a header row; number columns right-aligned (class `num`); every cell
// through xml_escape.
void render_html_table(std::ostream& out, const Table& table);

// The page: the sections of render_progress_markdown with, in addition, the burndown of the
// active iteration, velocity per closed iteration and progress per release (assets by release
// group) as SVG charts (svg_chart.hpp). Polyglot markup: it parses as XML (every element closed,
// no named entity but the five of XML, no namespace needed) as well as HTML5. Every string from
// the file is escaped with xml_escape, in text and attributes.
void render_progress_html(std::ostream& out, const ProgressReport& report, const Backlog& backlog,
                          std::string_view file_label);

} // namespace mbl::cli
