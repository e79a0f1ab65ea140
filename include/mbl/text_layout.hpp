#pragma once
// How a backlog file spells what JSON leaves free: its line ending and a UTF-8 byte-order mark.
// The loader reads them from the file into Backlog::layout and the canonical writer writes them
// back, so a file saved on Windows (CRLF, perhaps a BOM, committed without autocrlf) stays so
// and a one-field edit is a one-line diff. Canonical text is the canonical layout in the file's
// own line ending, after its own byte-order mark.

#include <string>
#include <string_view>

namespace mbl {

enum class LineEnding { lf, crlf };

struct TextLayout {
    LineEnding line_ending = LineEnding::lf;
    bool byte_order_mark = false; // EF BB BF before the text
    friend bool operator==(const TextLayout&, const TextLayout&) = default;
};

// The layout of `text`: a byte-order mark when it starts with one; CRLF when its first line
// break is "\r\n", else LF (also when it has no line break at all). A file that mixes both is
// taken at its first line, and written back in that one.
TextLayout detect_text_layout(std::string_view text);

// `text` (LF line breaks only, no byte-order mark: the writer's) in `layout`. Every "\n" is a
// line break: JSON strings escape theirs.
std::string in_layout(std::string_view text, TextLayout layout);

// "LF" or "CRLF", as messages name them.
std::string_view line_ending_name(LineEnding ending);

} // namespace mbl
