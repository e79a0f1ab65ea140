#include "json_write.hpp"

#include "json_tokenizer.hpp"
#include "mbl/save.hpp"

#include <cmath>
#include <fmt/format.h>

namespace mbl::detail {

void append_indent(std::string& out, int depth) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
}

void append_quoted(std::string& out, std::string_view text) {
    out += '"';
    const char* end = text.data() + text.size();
    for (const char* at = text.data();;) {
        const char* special = find_byte_to_escape(at, end);
        out.append(at, special);
        if (special == end) {
            break;
        }
        auto c = static_cast<unsigned char>(*special);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
            break;
        }
        at = special + 1;
    }
    out += '"';
}

void append_raw(std::string& out, const RawJson& value, int depth) {
    // String literals in JSON never hold a raw newline, so every newline starts a nested line.
    std::string_view text = value.text;
    std::size_t line_start = 0;
    for (std::size_t newline = text.find('\n'); newline != std::string_view::npos;
         newline = text.find('\n', line_start)) {
        out.append(text.substr(line_start, newline + 1 - line_start));
        append_indent(out, depth);
        line_start = newline + 1;
    }
    out.append(text.substr(line_start));
}

void append_object(std::string& out, const RawObject& members, int depth) {
    if (members.empty()) {
        out += "{}";
        return;
    }
    out += '{';
    for (std::size_t i = 0; i < members.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        append_indent(out, depth + 1);
        append_quoted(out, members[i].first);
        out += ": ";
        append_raw(out, members[i].second, depth + 1);
    }
    out += '\n';
    append_indent(out, depth);
    out += '}';
}

void append_number(std::string& out, double value) {
    if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15) {
        fmt::format_to(std::back_inserter(out), "{}", static_cast<long long>(value));
    } else {
        fmt::format_to(std::back_inserter(out), "{}", value);
    }
}

} // namespace mbl::detail

namespace mbl {

std::string json_quote(std::string_view text) {
    std::string out;
    detail::append_quoted(out, text);
    return out;
}

std::string format_number(double value) {
    std::string out;
    detail::append_number(out, value);
    return out;
}

} // namespace mbl
