#include "cli/render_xml.hpp"

#include "cli/render_text.hpp"

namespace mbl::cli {

std::string xml_escape(std::string_view text) {
    std::string safe = terminal_safe(text);
    std::string escaped;
    escaped.reserve(safe.size());
    for (std::size_t i = 0; i < safe.size(); ++i) {
        char c = safe[i];
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are valid UTF-8 but no XML character.
        if (c == '\xEF' && i + 2 < safe.size() && safe[i + 1] == '\xBF' &&
            (safe[i + 2] == '\xBE' || safe[i + 2] == '\xBF')) {
            escaped += safe[i + 2] == '\xBE' ? "\\ufffe" : "\\uffff";
            i += 2;
            continue;
        }
        switch (c) {
        case '&':
            escaped += "&amp;";
            break;
        case '<':
            escaped += "&lt;";
            break;
        case '>':
            escaped += "&gt;";
            break;
        case '"':
            escaped += "&quot;";
            break;
        case '\'':
            escaped += "&#39;";
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

} // namespace mbl::cli
