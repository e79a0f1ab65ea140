#pragma once
// Byte offsets to 1-based lines and columns (columns count Unicode code points, as editors do).

#include "mbl/problem.hpp"

#include <string_view>
#include <vector>

namespace mbl::detail {

class LineIndex {
  public:
    // Indexes `text` once (linear); `text` must outlive the index.
    explicit LineIndex(std::string_view text);
    // The position of byte `offset` (an offset past the end is the position after the last byte).
    SourcePosition position(std::size_t offset) const;

  private:
    std::string_view text_;
    std::vector<std::size_t> line_starts_;
};

} // namespace mbl::detail
