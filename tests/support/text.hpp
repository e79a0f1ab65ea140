#pragma once
// Small text helpers for the end-to-end tests: edit a backlog's text the way a person would, and
// find where something is in it (to check the file:line:column mbl reports).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mbl::test {

// A 1-based line and column (in bytes), as mbl reports them.
struct TextPosition {
    std::size_t line = 0;
    std::size_t column = 0;
};

// Where the `occurrence`-th (0-based) `needle` starts in `text`; throws std::runtime_error when
// there is no such occurrence.
TextPosition position_of(std::string_view text, std::string_view needle,
                         std::size_t occurrence = 0);

// "file:line:column" for that position, the prefix of mbl's diagnostics.
std::string location(std::string_view file, TextPosition position);

// `text` with the first `from` after `after` (or from the start) replaced by `to`; throws
// std::runtime_error when `from` is not there, so a test never silently edits nothing.
std::string replace_once(std::string_view text, std::string_view from, std::string_view to,
                         std::string_view after = {});

// The lines of `text`, without their '\n' (a trailing newline adds no empty line).
std::vector<std::string> lines_of(std::string_view text);

// Whether `text` contains `part`.
inline bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

} // namespace mbl::test
