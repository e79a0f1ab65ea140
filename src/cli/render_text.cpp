#include "cli/render_text.hpp"

#include "mbl/utf8.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <iterator>

namespace mbl::cli {
namespace {

// One decoded UTF-8 sequence: its code point and byte length, or `valid == false` for a byte
// that starts no valid sequence (overlong forms, surrogates and values past U+10FFFF included).
struct Decoded {
    char32_t code_point = 0;
    std::size_t length = 1;
    bool valid = false;
};

Decoded decode_at(std::string_view text, std::size_t at) {
    std::size_t length = utf8_sequence_length(text.data() + at, text.data() + text.size());
    if (length == 0) {
        return {};
    }
    auto lead = static_cast<unsigned char>(text[at]);
    constexpr std::array<unsigned char, 5> lead_bits{0, 0x7F, 0x1F, 0x0F, 0x07};
    char32_t value = lead & lead_bits[length];
    for (std::size_t i = 1; i < length; ++i) {
        value = (value << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
    }
    return {value, length, true};
}

// Bidirectional formatting characters: embeddings and overrides (U+202A-U+202E), isolates
// (U+2066-U+2069) and the invisible marks (U+200E, U+200F, U+061C) that reorder what follows.
bool is_bidi_control(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
           c == 0x200F || c == 0x061C;
}

struct Range {
    char32_t first;
    char32_t last;
};

bool in_ranges(char32_t c, const auto& ranges) {
    return std::any_of(std::begin(ranges), std::end(ranges),
                       [c](const Range& r) { return c >= r.first && c <= r.last; });
}

// Combining marks and zero-width characters: the blocks that occur in names in practice.
constexpr std::array<Range, 14> zero_width{{{0x0300, 0x036F},
                                            {0x0483, 0x0489},
                                            {0x0591, 0x05BD},
                                            {0x0610, 0x061A},
                                            {0x064B, 0x065F},
                                            {0x0E31, 0x0E31},
                                            {0x0E34, 0x0E3A},
                                            {0x1AB0, 0x1AFF},
                                            {0x1DC0, 0x1DFF},
                                            {0x200B, 0x200F},
                                            {0x20D0, 0x20FF},
                                            {0x302A, 0x302D},
                                            {0xFE00, 0xFE0F},
                                            {0xFE20, 0xFE2F}}};

// East Asian Wide (W) and Fullwidth (F) blocks, after Unicode's EastAsianWidth.txt.
constexpr std::array<Range, 18> double_width{{{0x1100, 0x115F},
                                              {0x2E80, 0x303E},
                                              {0x3041, 0x33FF},
                                              {0x3400, 0x4DBF},
                                              {0x4E00, 0x9FFF},
                                              {0xA000, 0xA4CF},
                                              {0xA960, 0xA97F},
                                              {0xAC00, 0xD7A3},
                                              {0xF900, 0xFAFF},
                                              {0xFE10, 0xFE19},
                                              {0xFE30, 0xFE6F},
                                              {0xFF00, 0xFF60},
                                              {0xFFE0, 0xFFE6},
                                              {0x1F300, 0x1F64F},
                                              {0x1F680, 0x1F6FF},
                                              {0x1F900, 0x1F9FF},
                                              {0x20000, 0x2FFFD},
                                              {0x30000, 0x3FFFD}}};

} // namespace

std::string terminal_safe(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        Decoded d = decode_at(text, at);
        if (!d.valid) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[at]));
        } else if (d.code_point == '\n' && keep_newlines) {
            out += '\n';
        } else if (d.code_point < 0x20 || d.code_point == 0x7F) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(d.code_point));
        } else if ((d.code_point >= 0x80 && d.code_point <= 0x9F) ||
                   is_bidi_control(d.code_point)) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(d.code_point));
        } else {
            out.append(text.substr(at, d.length));
        }
        at += d.length;
    }
    return out;
}

std::string terminal_safe_json(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    for (std::size_t at = 0; at < json.size();) {
        Decoded d = decode_at(json, at);
        if (!d.valid) {
            out += "\\ufffd";
        } else if ((d.code_point < 0x20 && d.code_point != '\n' && d.code_point != '\t') ||
                   (d.code_point >= 0x7F && d.code_point <= 0x9F) ||
                   is_bidi_control(d.code_point)) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(d.code_point));
        } else {
            out.append(json.substr(at, d.length));
        }
        at += d.length;
    }
    return out;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t at = 0; at < text.size();) {
        Decoded d = decode_at(text, at);
        if (!d.valid) {
            width += 1;
        } else if (in_ranges(d.code_point, zero_width)) {
            width += 0;
        } else if (in_ranges(d.code_point, double_width)) {
            width += 2;
        } else {
            width += 1;
        }
        at += d.length;
    }
    return width;
}

} // namespace mbl::cli
