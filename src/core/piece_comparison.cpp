// PieceComparison (load.hpp): a released text compared with another given in pieces.

#include "mbl/load.hpp"

#include <algorithm>

namespace mbl {

void PieceComparison::add(std::string_view piece) {
    if (differs_) {
        return;
    }
    std::string_view whole = text_.view();
    std::size_t length = std::min(piece.size(), whole.size() - compared_);
    text_.restore(compared_, length);
    std::string_view mine = whole.substr(compared_, length);
    if (length == piece.size() && mine == piece) { // the usual case, at memcmp's speed
        compared_ += length;
        text_.release_before(whole.data() + compared_);
        return;
    }
    auto [at, unused] = std::mismatch(mine.begin(), mine.end(), piece.begin());
    compared_ += static_cast<std::size_t>(at - mine.begin());
    differs_ = true; // a mismatch, or this text ended first
}

std::size_t PieceComparison::first_differing_line() {
    // The newlines before the difference, counted a piece at a time.
    std::string_view whole = text_.view();
    std::size_t lines = 1;
    constexpr std::size_t step = 1 << 20;
    for (std::size_t from = 0; from < compared_; from += step) {
        std::size_t count = std::min(step, compared_ - from);
        text_.restore(from, count);
        std::string_view part = whole.substr(from, count);
        lines += static_cast<std::size_t>(std::count(part.begin(), part.end(), '\n'));
        text_.release_before(part.data() + count);
    }
    return lines;
}

} // namespace mbl
