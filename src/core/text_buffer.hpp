#pragma once
// Text built from many small pieces, each appended inline: the canonical writer's output. A
// std::string appends each piece through a library call that checks and updates its size (the
// writer made about 140 such calls an asset, 15 million for a 100,000-asset file). This buffer
// keeps a std::string at its full length and writes past its own `size_`, so a piece is one
// bounds check and one copy the compiler can inline.

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mbl::detail {

class TextBuffer {
  public:
    TextBuffer() = default;
    // Room for about `capacity` bytes before the string is moved to grow (`indent` asks for 64
    // bytes of room at a time). The room is reserved, not yet filled.
    explicit TextBuffer(std::size_t capacity) { text_.reserve(capacity); }

    void append(const char* text, std::size_t count) {
        if (count != 0) { // an empty view may have no data at all
            std::memcpy(room(count), text, count);
            size_ += count;
        }
    }
    void append(std::string_view text) { append(text.data(), text.size()); }
    void append(std::size_t count, char c) {
        std::memset(room(count), c, count);
        size_ += count;
    }
    void push_back(char c) {
        *room(1) = c;
        ++size_;
    }
    TextBuffer& operator+=(std::string_view text) {
        append(text);
        return *this;
    }
    TextBuffer& operator+=(char c) {
        push_back(c);
        return *this;
    }

    // Two spaces per level, `depth` levels.
    void indent(int depth) {
        constexpr std::size_t most = 64;
        static constexpr char spaces[most + 1] = "                                "
                                                 "                                ";
        auto count = static_cast<std::size_t>(depth) * 2;
        if (count > most) [[unlikely]] {
            append(count, ' ');
            return;
        }
        std::memcpy(room(most), spaces, most); // one fixed-size copy; only `count` of it kept
        size_ += count;
    }
    // Makes the next `count` bytes part of the text and returns where they start, for the
    // caller to fill.
    char* extend(std::size_t count) {
        char* at = room(count);
        size_ += count;
        return at;
    }

    std::size_t size() const { return size_; }
    std::string_view view() const { return {text_.data(), size_}; }
    void clear() { size_ = 0; }
    // The text as a string; the buffer is empty afterwards.
    std::string take() {
        text_.resize(size_);
        size_ = 0;
        return std::move(text_);
    }

  private:
    // Where `count` more bytes go, growing the string (at least doubling it) when they do not fit.
    char* room(std::size_t count) {
        if (text_.size() - size_ < count) [[unlikely]] {
            grow(count);
        }
        return text_.data() + size_;
    }
    void grow(std::size_t count) {
        if (count > text_.max_size() - size_ - 64) {
            throw std::length_error("mbl::detail::TextBuffer: text too long");
        }
        std::size_t needed = size_ + count + 64;
        std::size_t grown = std::max(text_.size() * 2, needed);
        if (grown > text_.capacity() && needed <= text_.capacity()) {
            grown = text_.capacity(); // what was reserved, before the string is moved
        }
        text_.resize(grown);
    }

    std::string text_; // its length is the room made so far; bytes past size_ are not text
    std::size_t size_ = 0;
};

} // namespace mbl::detail
