#include "mbl/suggest.hpp"

#include <algorithm>
#include <numeric>

namespace mbl {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment distance, three rolling rows.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    std::iota(previous.begin(), previous.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::optional<std::string> nearest_spelling(std::string_view word,
                                            const std::vector<std::string_view>& candidates) {
    std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
    std::optional<std::string> best;
    std::size_t best_distance = allowed + 1;
    for (std::string_view candidate : candidates) {
        // The distance is at least the difference in length: a candidate that cannot come
        // closer is skipped unmeasured, so a hostile megabyte-long key costs nothing.
        std::size_t length_difference = word.size() > candidate.size()
                                            ? word.size() - candidate.size()
                                            : candidate.size() - word.size();
        if (length_difference >= best_distance) {
            continue;
        }
        std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = std::string(candidate);
        }
    }
    return best;
}

} // namespace mbl
