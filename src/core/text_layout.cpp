// TextLayout (text_layout.hpp): a file's line ending and byte-order mark, read and written back.
#include "mbl/text_layout.hpp"

#include <cstring>

namespace mbl {

namespace {
constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
}

TextLayout detect_text_layout(std::string_view text) {
    TextLayout layout;
    layout.byte_order_mark = text.substr(0, utf8_bom.size()) == utf8_bom;
    if (text.empty()) {
        return layout;
    }
    // Canonical text breaks its first line after one byte (`{`): this is nearly always at once.
    const void* found = std::memchr(text.data(), '\n', text.size());
    if (found != nullptr) {
        auto at = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
        if (at > 0 && text[at - 1] == '\r') {
            layout.line_ending = LineEnding::crlf;
        }
    }
    return layout;
}

std::string in_layout(std::string_view text, TextLayout layout) {
    std::string out;
    if (layout.byte_order_mark) {
        out += utf8_bom;
    }
    if (layout.line_ending == LineEnding::lf) {
        out += text;
        return out;
    }
    out.reserve(out.size() + text.size() + text.size() / 16);
    std::size_t start = 0;
    for (std::size_t at = text.find('\n'); at != std::string_view::npos;
         at = text.find('\n', start)) {
        out.append(text.substr(start, at - start));
        out += "\r\n";
        start = at + 1;
    }
    out.append(text.substr(start));
    return out;
}

std::string_view line_ending_name(LineEnding ending) {
    return ending == LineEnding::crlf ? "CRLF" : "LF";
}

} // namespace mbl
