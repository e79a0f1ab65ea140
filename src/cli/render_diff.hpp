#pragma once
// A BacklogDiff for people and for scripts: text for a terminal, Markdown for a pull-request
// comment, JSON for tools. Grouped by kind in file order (backlog, settings, workloads, assets,
// iterations); one line per changed field, `crm-sql-01: status in-progress -> replicated`, and
// milestones by name (`it-2: started`, `crm: advanced migrating -> staging`).

#include "mbl/diff.hpp"

#include <ostream>
#include <string>

namespace mbl::cli {

// How the two versions are named in headings: `HEAD:backlog.json`, `backlog.json`.
struct DiffLabels {
    std::string before;
    std::string after;
};

// Text; every string from the files through terminal_safe. `No changes between A and B.` when
// the diff is empty.
void render_diff_text(std::ostream& out, const BacklogDiff& diff, const DiffLabels& labels);

// GitHub-flavoured Markdown: a heading, then per kind a bold title and a bullet list; ids and
// values in code spans, names escaped, so no text from the file becomes markup or HTML; and
// terminal_safe, so printing it on a terminal is as safe as the text output.
void render_diff_markdown(std::ostream& out, const BacklogDiff& diff, const DiffLabels& labels);

// `{"before", "after", "changes": [{"kind", "id" (null for backlog and settings), "change"
// (added|removed|changed), "name", "value" (added and removed), "milestone" (started, closed,
// reopened, unstarted, advanced, stepped_back; when there is one), "fields": [{"field",
// "before", "after"}] (changed; a side absent where the field was not there)}]}`.
void render_diff_json(std::ostream& out, const BacklogDiff& diff, const DiffLabels& labels);

// A field's value for people: `none` when absent, null or an empty list; a string as its text;
// a list of strings as `a, b`; anything else as one-line JSON, shortened past 80 bytes.
std::string display_value(const std::optional<RawJson>& value);

} // namespace mbl::cli
