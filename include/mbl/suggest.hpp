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
// Candidates whose length alone puts them out of reach are not measured, so the cost stays
// small for a word of any length (a megabyte-long key in a hostile file).
std::optional<std::string> nearest_spelling(std::string_view word,
                                            const std::vector<std::string_view>& candidates);

} // namespace mbl
