#include "cli/render_markdown.hpp"

#include "cli/render_text.hpp"

#include <algorithm>

namespace mbl::cli {
namespace {

constexpr std::string_view markdown_specials = "\\`*_[]<>|~&$";

// U+200B as a character reference: invisible where GitHub shows it, and it keeps `@` from the
// name after it (GitHub's mentions and references are matched on the rendered text, after
// Markdown, so a backslash escape does not stop them; a zero-width space does).
constexpr std::string_view zero_width_space = "&#8203;";

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}

// Whether a zero-width space belongs after `text[at]`, which starts what GitHub would turn into a
// mention or a reference that notifies or links: `@name` (`@org/team` too), `#123`
// (`owner/repo#123` too) or `GH-123` (the space after the `-`).
bool starts_reference(std::string_view text, std::size_t at) {
    if (at + 1 >= text.size()) {
        return false;
    }
    char c = text[at];
    char next = text[at + 1];
    return (c == '@' && is_ascii_alnum(next)) || (c == '#' && is_ascii_digit(next)) ||
           (c == '-' && is_ascii_digit(next) && at >= 2 && text.compare(at - 2, 2, "GH") == 0);
}

void render_row(std::ostream& out, const std::vector<std::string>& cells) {
    out << '|';
    for (const std::string& cell : cells) {
        out << ' ' << markdown_escape(cell) << (cell.empty() ? "|" : " |");
    }
    out << '\n';
}

} // namespace

std::string markdown_escape(std::string_view text) {
    std::string flat(text);
    for (char& c : flat) {
        if (c == '\n' || c == '\r' || c == '\t') {
            c = ' ';
        }
    }
    std::string escaped;
    std::string safe = terminal_safe(flat);
    for (std::size_t i = 0; i < safe.size(); ++i) {
        char c = safe[i];
        std::string_view rest = std::string_view(safe).substr(i);
        // GitHub links bare `scheme://…` and `www.…` by itself: an escaped `:` or `.` (shown the
        // same) is not matched.
        bool breaks_autolink = (c == ':' && rest.starts_with("://")) ||
                               (c == '.' && i >= 3 && safe.compare(i - 3, 3, "www") == 0);
        if (breaks_autolink || markdown_specials.find(c) != std::string_view::npos) {
            escaped += '\\';
        }
        escaped += c;
        if (starts_reference(safe, i)) {
            escaped += zero_width_space;
        }
    }
    return escaped;
}

void render_markdown_table(std::ostream& out, const Table& table) {
    std::vector<std::string> headers;
    std::string alignment = "|";
    for (const Column& column : table.columns) {
        headers.push_back(column.header);
        alignment += column.kind == ColumnKind::number ? " ---: |" : " --- |";
    }
    render_row(out, headers);
    out << alignment << '\n';
    for (const std::vector<Cell>& row : table.rows) {
        std::vector<std::string> cells;
        for (const Cell& cell : row) {
            cells.push_back(cell.text);
        }
        render_row(out, cells);
    }
}

std::string markdown_code(const std::string& text) {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (char c : text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    std::string fence(longest + 1, '`');
    bool pad = text.starts_with('`') || text.ends_with('`');
    std::string inner = pad ? " " + text + " " : text;
    std::replace(inner.begin(), inner.end(), '\n', ' ');
    return fence + inner + fence;
}

} // namespace mbl::cli
