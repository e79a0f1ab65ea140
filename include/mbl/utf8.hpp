#pragma once
// UTF-8 as the file format allows it (RFC 3629): the one check every reader and writer of text
// uses, the tokenizer, the edit functions, the CSV reader and the CLI's terminal escaping alike.

#include <cstddef>
#include <string_view>

namespace mbl {

// The length (1 to 4) of the well-formed UTF-8 sequence that starts at `at` (before `end`): no
// overlong forms, no surrogates, nothing above U+10FFFF, and all of it before `end`; 0 when the
// bytes there start none. `at` must be before `end`. Inline: the tokenizer calls it for every
// character outside ASCII.
inline std::size_t utf8_sequence_length(const char* at, const char* end) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(at[i]); };
    auto available = static_cast<std::size_t>(end - at);
    auto continuation = [&](std::size_t i, unsigned char low = 0x80, unsigned char high = 0xBF) {
        return i < available && byte(i) >= low && byte(i) <= high;
    };
    unsigned char lead = byte(0);
    if (lead < 0x80) {
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        return continuation(1) ? 2 : 0;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
        unsigned char high = lead == 0xED ? 0x9F : 0xBF;
        return continuation(1, low, high) && continuation(2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
        unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
        return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
    }
    return 0;
}

// True when `text` is well-formed UTF-8 throughout (utf8_sequence_length): what a JSON file may
// hold.
bool is_valid_utf8(std::string_view text);

} // namespace mbl
