#pragma once
// Making text from the file safe and measurable on a terminal.

#include <cstddef>
#include <string>
#include <string_view>

namespace mbl::cli {

// `text` with everything a terminal would act on shown escaped instead: C0 control characters
// and DEL as `\x1b`, C1 controls and bidirectional formatting code points (overrides and
// embeddings U+202A-U+202E, isolates U+2066-U+2069, marks U+200E, U+200F and U+061C) as `\u202e`,
// and bytes that are not valid UTF-8 as `\xNN`. With `keep_newlines`,
// `\n` passes through (for multi-line messages). Every string from the file goes through this in
// human output.
std::string terminal_safe(std::string_view text, bool keep_newlines = false);

// Columns `text` takes on a terminal: one per code point, except combining marks and zero-width
// characters (none) and East Asian wide and fullwidth characters (two). Bytes that are not valid
// UTF-8 count one each. Written here rather than taken from wcwidth(3) because that depends on
// the process locale, and output must not.
std::size_t display_width(std::string_view text);

} // namespace mbl::cli
