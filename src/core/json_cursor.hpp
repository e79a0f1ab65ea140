#pragma once
// Byte positions while nlohmann's SAX parser reads a text: it reads through an iterator, and this
// iterator records how far it got, so every SAX event knows where in the text it happened.

#include <cstddef>
#include <iterator>
#include <string_view>

namespace mbl::detail {

// A `const char*` that stores its position in `*reached` each time it advances.
class TrackingIterator {
  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    TrackingIterator() = default;
    TrackingIterator(const char* at, const char** reached) : at_(at), reached_(reached) {}

    reference operator*() const { return *at_; }
    TrackingIterator& operator++() {
        *reached_ = ++at_;
        return *this;
    }
    TrackingIterator operator++(int) {
        TrackingIterator before = *this;
        ++*this;
        return before;
    }
    friend bool operator==(const TrackingIterator& a, const TrackingIterator& b) {
        return a.at_ == b.at_;
    }

  private:
    const char* at_ = nullptr;
    const char** reached_ = nullptr;
};

// `text` without a leading UTF-8 byte-order mark (which nlohmann skips too).
inline std::string_view without_bom(std::string_view text) {
    return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

// The start of the next value after `offset`, where the parser stopped after the previous token:
// skips whitespace and the `,` / `:` separators.
inline std::size_t next_value_start(std::string_view text, std::size_t offset) {
    while (offset < text.size()) {
        char c = text[offset];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') {
            break;
        }
        ++offset;
    }
    return offset;
}

} // namespace mbl::detail
