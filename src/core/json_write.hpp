#pragma once
// The pieces of canonical JSON text shared by the writer and the loader's raw capture, so both
// spell strings, numbers and indentation the same way. Each appends to a std::string (the
// loader, the members of a merge) or to a TextBuffer (the writer, where speed matters).

#include "mbl/model.hpp"
#include "text_buffer.hpp"

#include <string>
#include <string_view>

namespace mbl::detail {

// Two spaces per level.
void append_indent(std::string& out, int depth);
void append_indent(TextBuffer& out, int depth);

// `text` as a JSON string literal: `"` and `\` escaped, \b \f \n \r \t by name, other control
// characters below 0x20 as \u00XX; everything else (UTF-8 included) as is.
void append_quoted(std::string& out, std::string_view text);
void append_quoted(TextBuffer& out, std::string_view text);

// Canonical RawJson text re-indented to stand at `depth`.
void append_raw(std::string& out, const RawJson& value, int depth);
void append_raw(TextBuffer& out, const RawJson& value, int depth);

// `members` as a JSON object standing at `depth`: `{}` when empty, else one member a line.
void append_object(std::string& out, const RawObject& members, int depth);
void append_object(TextBuffer& out, const RawObject& members, int depth);

// Integers without a fraction; others in the shortest form that reads back the same double.
void append_number(std::string& out, double value);
void append_number(TextBuffer& out, double value);

} // namespace mbl::detail
