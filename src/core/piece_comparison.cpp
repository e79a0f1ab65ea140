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
    auto [at, unused] = std::mismatch(mine.begin(), mine.end(), piece.begin());
    auto same = static_cast<std::size_t>(at - mine.begin());
    lines_ += static_cast<std::size_t>(std::count(mine.begin(), at, '\n'));
    compared_ += same;
    text_.release_before(whole.data() + compared_);
    differs_ = same < piece.size(); // a mismatch, or this text ended first
}

} // namespace mbl
