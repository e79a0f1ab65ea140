#include "json_write.hpp"

#include "json_tokenizer.hpp"
#include "mbl/save.hpp"

#include <cmath>
#include <cstring>
#include <fmt/format.h>

namespace mbl::detail {

namespace {

char* out_extend(std::string& out, std::size_t count) {
    out.resize(out.size() + count);
    return out.data() + out.size() - count;
}
char* out_extend(TextBuffer& out, std::size_t count) {
    return out.extend(count);
}

void indent(std::string& out, int depth) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
}
void indent(TextBuffer& out, int depth) {
    out.indent(depth);
}

template <class Out> void quoted(Out& out, std::string_view text) {
    const char* end = text.data() + text.size();
    const char* special = find_byte_to_escape(text.data(), end);
    if (special == end) { // the common case: nothing to escape, one copy
        char* at = out_extend(out, text.size() + 2);
        at[0] = '"';
        if (!text.empty()) { // an empty view may have no data at all
            std::memcpy(at + 1, text.data(), text.size());
        }
        at[text.size() + 1] = '"';
        return;
    }
    out.push_back('"');
    for (const char* at = text.data();; special = find_byte_to_escape(at, end)) {
        out.append(at, static_cast<std::size_t>(special - at));
        if (special == end) {
            break;
        }
        auto c = static_cast<unsigned char>(*special);
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default: {
            char escaped[8];
            auto written = fmt::format_to_n(escaped, sizeof escaped, "\\u{:04x}", c);
            out.append(escaped, static_cast<std::size_t>(written.out - escaped));
            break;
        }
        }
        at = special + 1;
    }
    out.push_back('"');
}

template <class Out> void raw(Out& out, const RawJson& value, int depth) {
    // String literals in JSON never hold a raw newline, so every newline starts a nested line.
    std::string_view text = value.text;
    std::size_t line_start = 0;
    for (std::size_t newline = text.find('\n'); newline != std::string_view::npos;
         newline = text.find('\n', line_start)) {
        out.append(text.data() + line_start, newline + 1 - line_start);
        indent(out, depth);
        line_start = newline + 1;
    }
    out.append(text.data() + line_start, text.size() - line_start);
}

template <class Out> void object(Out& out, const RawObject& members, int depth) {
    if (members.empty()) {
        out.append("{}", 2);
        return;
    }
    out.push_back('{');
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (i != 0) {
            out.push_back(',');
        }
        out.push_back('\n');
        indent(out, depth + 1);
        quoted(out, members[i].first);
        out.append(": ", 2);
        raw(out, members[i].second, depth + 1);
    }
    out.push_back('\n');
    indent(out, depth);
    out.push_back('}');
}

template <class Out> void number(Out& out, double value) {
    if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15) {
        fmt::format_int integer(static_cast<long long>(value));
        out.append(integer.data(), integer.size());
    } else {
        char shortest[40]; // the longest is 24 bytes: -2.2250738585072014e-308
        auto written = fmt::format_to_n(shortest, sizeof shortest, "{}", value);
        out.append(shortest, static_cast<std::size_t>(written.out - shortest));
    }
}

} // namespace

void append_indent(std::string& out, int depth) {
    indent(out, depth);
}
void append_indent(TextBuffer& out, int depth) {
    indent(out, depth);
}
void append_quoted(std::string& out, std::string_view text) {
    quoted(out, text);
}
void append_quoted(TextBuffer& out, std::string_view text) {
    quoted(out, text);
}
void append_raw(std::string& out, const RawJson& value, int depth) {
    raw(out, value, depth);
}
void append_raw(TextBuffer& out, const RawJson& value, int depth) {
    raw(out, value, depth);
}
void append_object(std::string& out, const RawObject& members, int depth) {
    object(out, members, depth);
}
void append_object(TextBuffer& out, const RawObject& members, int depth) {
    object(out, members, depth);
}
void append_number(std::string& out, double value) {
    number(out, value);
}
void append_number(TextBuffer& out, double value) {
    number(out, value);
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
