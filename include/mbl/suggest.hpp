#pragma once
// "Did you mean …?" for misspelt keys, commands, flags and ids.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mbl {

// Edit distance (insertions, deletions, substitutions and adjacent transpositions).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible typo (distance at most
// a third of the word's length, and at least 1 allowed); the first such candidate on ties.
std::optional<std::string> nearest_spelling(std::string_view word,
                                            const std::vector<std::string_view>& candidates);

} // namespace mbl
