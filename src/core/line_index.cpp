#include "line_index.hpp"

#include "json_cursor.hpp"
#include "mbl/locate.hpp"

#include <algorithm>

namespace mbl::detail {

LineIndex::LineIndex(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
        line_starts_.push_back(i + 1);
    }
}

SourcePosition LineIndex::position(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(after - line_starts_.begin());
    std::size_t column = 1;
    for (std::size_t i = *(after - 1); i < offset; ++i) {
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
            ++column; // count lead bytes only: one per code point
        }
    }
    return {line, column};
}

} // namespace mbl::detail

namespace mbl {

SourcePosition position_of(std::string_view text, std::size_t offset) {
    return detail::LineIndex(text).position(offset);
}

} // namespace mbl
