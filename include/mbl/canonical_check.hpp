#pragma once
// `mbl fmt --check`: whether a file holds its backlog's canonical text, and if not, what differs
// first, in words a person can act on ("indentation at line 12", "line endings", …).

#include "mbl/load.hpp"
#include "mbl/model.hpp"
#include "mbl/text_layout.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mbl {

// The first difference between a file and its canonical text.
struct CanonicalDifference {
    std::size_t line = 0; // 1-based, in the file
    std::string what;     // describe_line_difference's words
};

// Compares `text` (the file's bytes, restored and released a piece at a time, so neither text is
// held whole) with `backlog`'s canonical text (write_canonical_text, in the layout the loader
// found: the file's own line ending and byte-order mark). nullopt when they are the same bytes.
std::optional<CanonicalDifference> find_canonical_difference(ReleasableText& text,
                                                             const Backlog& backlog);

// What differs between `file_line` and `canonical_line`, line `line` of a file and of its
// canonical text where they first differ, each with its line break ("\n" or "\r\n"; none when
// the text ends there; empty when the text ended before that line). `layout` is the file's. One
// of: "line endings: line 7 ends in LF where the file's line ending is CRLF (its first line's)",
// "no line break at the end of the file (line N)", "blank lines or spaces after the closing
// brace, from line N", "indentation at line N (4 spaces where mbl writes 2 spaces)", "spaces at the
// end of line N", "key order at line N (\"name\" where mbl writes \"format\")", "spacing at line N
// (…)", "line breaks at line N (…)", else "line N: the file has `…` where mbl writes `…`".
// Excerpts of the file are quoted as they are: escape them for a terminal.
std::string describe_line_difference(std::string_view file_line, std::string_view canonical_line,
                                     std::size_t line, TextLayout layout);

} // namespace mbl
