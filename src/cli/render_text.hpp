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

// JSON text with everything a terminal would act on written with JSON's own escapes instead, so
// it parses to the same value: C0 controls other than newline and tab, DEL, C1 controls and the
// bidirectional formatting characters as `\u001b`, `\u009b`, `\u202e`. Such characters can only
// stand inside strings in valid JSON, where the escape means the same. A byte that is not valid
// UTF-8 (never in mbl's JSON) becomes `\ufffd`. For JSON shown on a terminal.
std::string terminal_safe_json(std::string_view json);

// Columns `text` takes on a terminal: one per code point, except combining marks and zero-width
// characters (none) and East Asian wide and fullwidth characters (two). Bytes that are not valid
// UTF-8 count one each. Written here rather than taken from wcwidth(3) because that depends on
// the process locale, and output must not.
std::size_t display_width(std::string_view text);

} // namespace mbl::cli
