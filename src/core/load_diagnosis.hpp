#pragma once
// What a file the JSON reader cannot read turns out to be, so that the error says what happened
// and what to do rather than naming a byte: UTF-16 or UTF-32 text, or a file git left with
// merge-conflict markers. Private to the loader (load.cpp).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mbl::detail {

// The encoding of `text` when it is UTF-16 or UTF-32, as iconv names it: "UTF-16" or "UTF-32"
// by a byte-order mark (FF FE, FE FF, FF FE 00 00, 00 00 FE FF); "UTF-16LE", "UTF-16BE",
// "UTF-32LE", "UTF-32BE" by the NUL bytes of the first character, which JSON text (ASCII there)
// never has in UTF-8 (RFC 4627, section 3). nullopt for anything else.
std::optional<std::string_view> wide_encoding(std::string_view text);

// The message for a file `file_label` in `encoding` (wide_encoding's): it says so and gives the
// iconv command that converts it to UTF-8 in place.
std::string wide_encoding_message(std::string_view encoding, std::string_view file_label);

// The offset of the first line of `text` that starts with one of git's conflict markers
// (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>`), which no JSON text has at the start of a line;
// nullopt when there is none.
std::optional<std::size_t> first_conflict_marker(std::string_view text);

// The message for a file `file_label` whose first conflict marker is at `offset` of `text`, on
// `line`: an unresolved git merge conflict, how many, and the commands that resolve it.
std::string conflict_message(std::string_view text, std::size_t offset, std::size_t line,
                             std::string_view file_label);

} // namespace mbl::detail
