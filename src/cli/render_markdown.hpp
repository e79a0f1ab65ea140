#pragma once
// Tables as GitHub-flavoured Markdown, for reports pasted into wikis, pull requests and issues.

#include "cli/render_table.hpp"

#include <ostream>
#include <string>
#include <string_view>

namespace mbl::cli {

// `text` safe inside a Markdown table cell: line breaks (CR, LF) and tabs become spaces, what a
// terminal would act on is shown escaped (terminal_safe), and the characters Markdown acts on
// inline (\ ` * _ [ ] < > | ~ & $) are escaped with a backslash, as are the `:` of `://` and the
// `.` of `www.` (GitHub's autolinks), so a name from the file shows as written and can neither end
// the cell nor add a link, HTML, an entity or formatting. What GitHub turns into a mention or a
// reference after rendering (`@user`, `@org/team`, `#123`, `GH-123`), which no escape stops, gets
// a zero-width space (`@&#8203;user`): shown the same, it notifies and links nobody.
std::string markdown_escape(std::string_view text);

// `text` as an inline code span, shown as written: fenced by one more backtick than its longest
// run of them (padded with spaces when it starts or ends with one), line breaks as spaces. Not
// terminal_safe: the caller applies it to the whole line.
std::string markdown_code(const std::string& text);

// A header row of the columns' headers, the alignment row (numbers right-aligned), then one line
// per row; every cell escaped with markdown_escape, empty cells left empty.
void render_markdown_table(std::ostream& out, const Table& table);

} // namespace mbl::cli
