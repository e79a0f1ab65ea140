#pragma once
// Small helpers about positions in JSON text, shared by the loader and the locator.

#include <cstddef>
#include <string_view>

namespace mbl::detail {

// `text` without a leading UTF-8 byte-order mark (JSON readers skip it).
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
