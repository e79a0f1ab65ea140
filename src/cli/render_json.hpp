#pragma once
// `--format json` output: entities shaped exactly as in the file (mbl::to_json_text), so a jq
// filter written against backlog.json works on the output.

#include <ostream>
#include <string>
#include <vector>

namespace mbl::cli {

// `[]`, or the objects (canonical JSON text at depth 0) one after another in a `[ ... ]` with
// two-space indentation, then a newline.
void render_json_array(std::ostream& out, const std::vector<std::string>& objects);

// `text` with every line but the first indented by `indent` spaces.
std::string indent_continuation_lines(const std::string& text, std::size_t indent);

} // namespace mbl::cli
