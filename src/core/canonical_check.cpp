// find_canonical_difference and its words (canonical_check.hpp).
#include "mbl/canonical_check.hpp"

#include "mbl/save.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mbl {
namespace {

// How much of a long line (a file written on one line) is looked at on each side of the
// difference.
constexpr std::size_t line_window = 4096;

struct SplitLine {
    std::string_view body;
    std::string_view end; // "\n", "\r\n" or ""
};

SplitLine split_line(std::string_view line) {
    if (line.size() >= 2 && line.substr(line.size() - 2) == "\r\n") {
        return {line.substr(0, line.size() - 2), "\r\n"};
    }
    if (!line.empty() && line.back() == '\n') {
        return {line.substr(0, line.size() - 1), "\n"};
    }
    return {line, ""};
}

// `text` up to and with its first line break, at most line_window bytes.
std::string_view first_line(std::string_view text) {
    text = text.substr(0, line_window);
    std::size_t end = text.find('\n');
    return end == std::string_view::npos ? text : text.substr(0, end + 1);
}

std::size_t indent_size(std::string_view body) {
    std::size_t size = body.find_first_not_of(" \t");
    return size == std::string_view::npos ? body.size() : size;
}

std::string describe_indent(std::string_view indent) {
    if (indent.find('\t') != std::string_view::npos) {
        return "tabs";
    }
    return indent.size() == 1 ? "1 space" : fmt::format("{} spaces", indent.size());
}

std::string without_whitespace(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c != ' ' && c != '\t') {
            out += c;
        }
    }
    return out;
}

// The key a line `"key": value` starts with (after its indentation), quotes included; empty
// when the line does not start with a key.
std::string_view key_of(std::string_view body) {
    body.remove_prefix(indent_size(body));
    if (body.empty() || body[0] != '"') {
        return {};
    }
    for (std::size_t i = 1; i < body.size(); ++i) {
        if (body[i] == '\\') {
            ++i;
        } else if (body[i] == '"') {
            std::string_view rest = body.substr(i + 1);
            rest.remove_prefix(std::min(rest.size(), indent_size(rest)));
            return !rest.empty() && rest[0] == ':' ? body.substr(0, i + 1) : std::string_view{};
        }
    }
    return {};
}

// A line's text for a message, without its indentation, shortened to about 60 characters.
std::string excerpt(std::string_view body) {
    body.remove_prefix(indent_size(body));
    constexpr std::size_t shown = 60;
    if (body.size() <= shown) {
        return fmt::format("`{}`", body);
    }
    std::size_t cut = shown;
    while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) {
        --cut; // not inside a UTF-8 sequence
    }
    return fmt::format("`{}…`", body.substr(0, cut));
}

std::string_view ending_name(std::string_view end) {
    return end == "\r\n" ? "CRLF" : "LF";
}

} // namespace

std::string describe_line_difference(std::string_view file_line, std::string_view canonical_line,
                                     std::size_t line, TextLayout layout) {
    if (canonical_line.empty()) {
        return fmt::format("blank lines or spaces after the closing brace, from line {}", line);
    }
    SplitLine file = split_line(file_line);
    SplitLine canonical = split_line(canonical_line);
    if (file.body == canonical.body) {
        if (file.end.empty()) {
            return fmt::format("no line break at the end of the file (line {})", line);
        }
        return fmt::format("line endings: line {} ends in {} where the file's line ending is {} "
                           "(its first line's)",
                           line, ending_name(file.end), line_ending_name(layout.line_ending));
    }
    std::size_t file_indent = indent_size(file.body);
    std::size_t canonical_indent = indent_size(canonical.body);
    if (file.body.substr(file_indent) == canonical.body.substr(canonical_indent)) {
        return fmt::format("indentation at line {} ({} where mbl writes {})", line,
                           describe_indent(file.body.substr(0, file_indent)),
                           describe_indent(canonical.body.substr(0, canonical_indent)));
    }
    std::string_view trimmed = file.body.substr(0, file.body.find_last_not_of(" \t") + 1);
    if (trimmed == canonical.body) {
        return fmt::format("spaces at the end of line {}", line);
    }
    std::string_view file_key = key_of(file.body);
    std::string_view canonical_key = key_of(canonical.body);
    if (!file_key.empty() && !canonical_key.empty() && file_key != canonical_key) {
        return fmt::format("key order at line {} ({} where mbl writes {})", line, file_key,
                           canonical_key);
    }
    std::string file_tokens = without_whitespace(file.body);
    std::string canonical_tokens = without_whitespace(canonical.body);
    std::string both = fmt::format("the file has {} where mbl writes {}", excerpt(file.body),
                                   excerpt(canonical.body));
    if (file_tokens == canonical_tokens) {
        return fmt::format("spacing at line {} ({})", line, both);
    }
    if (file_tokens.starts_with(canonical_tokens) || canonical_tokens.starts_with(file_tokens)) {
        return fmt::format("line breaks at line {} ({}: one array element or object member a "
                           "line)",
                           line, both);
    }
    return fmt::format("line {}: {}", line, both);
}

std::optional<CanonicalDifference> find_canonical_difference(ReleasableText& text,
                                                             const Backlog& backlog) {
    PieceComparison comparison(text);
    write_canonical_text(backlog, [&](std::string_view piece) { comparison.add(piece); });
    if (comparison.equal()) {
        return std::nullopt;
    }
    std::size_t line = comparison.first_differing_line();
    // The line that holds the difference starts at the same offset in both texts (what is
    // before it is equal).
    std::size_t offset = comparison.equal_bytes();
    std::string_view whole = text.view();
    std::size_t from = offset > line_window ? offset - line_window : 0;
    std::size_t to = std::min(whole.size(), offset + line_window);
    text.restore(from, to - from);
    std::size_t break_before = whole.substr(from, offset - from).rfind('\n');
    std::size_t start = break_before == std::string_view::npos ? from : from + break_before + 1;
    std::string file_line(first_line(whole.substr(start, to - start)));
    text.release_before(whole.data() + to);

    std::string canonical; // its bytes from `start`, up to 2 * line_window
    std::size_t position = 0;
    write_canonical_text(backlog, [&](std::string_view piece) {
        std::size_t end = position + piece.size();
        if (end > start && canonical.size() < 2 * line_window) {
            std::size_t skip = start > position ? start - position : 0;
            canonical.append(piece.substr(skip, 2 * line_window - canonical.size()));
        }
        position = end;
    });
    std::string_view canonical_line = first_line(canonical);
    return CanonicalDifference{
        line, describe_line_difference(file_line, canonical_line, line, backlog.layout)};
}

} // namespace mbl
