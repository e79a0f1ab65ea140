#include "cli/render_table.hpp"

#include "cli/render_text.hpp"

#include <algorithm>

namespace mbl::cli {
namespace {

std::string spaces(std::size_t count) {
    return std::string(count, ' ');
}

void render_fields_at(std::ostream& out, const std::vector<Field>& fields, bool color,
                      std::size_t indent) {
    std::size_t key_width = 0;
    for (const Field& field : fields) {
        if (!field.key.empty()) {
            key_width = std::max(key_width, display_width(terminal_safe(field.key)) + 1);
        }
    }
    for (const Field& field : fields) {
        std::string value = terminal_safe(field.value);
        out << spaces(indent);
        if (field.key.empty()) {
            out << paint(value, field.tone, color) << '\n';
        } else {
            std::string key = terminal_safe(field.key) + ":";
            out << key;
            if (!value.empty()) {
                out << spaces(key_width - display_width(key) + 1)
                    << paint(value, field.tone, color);
            }
            out << '\n';
        }
        render_fields_at(out, field.children, color, indent + 2);
    }
}

} // namespace

std::string paint(const std::string& text, Tone tone, bool color) {
    if (!color || tone == Tone::plain) {
        return text;
    }
    const char* code = tone == Tone::good ? "32" : tone == Tone::attention ? "33" : "31";
    return "\x1b[" + std::string(code) + "m" + text + "\x1b[0m";
}

void render_table(std::ostream& out, const Table& table, bool color) {
    std::size_t column_count = table.columns.size();
    std::vector<std::vector<std::string>> safe_rows;
    std::vector<std::size_t> widths(column_count);
    for (std::size_t c = 0; c < column_count; ++c) {
        widths[c] = display_width(table.columns[c].header);
    }
    for (const auto& row : table.rows) {
        std::vector<std::string> safe;
        for (std::size_t c = 0; c < column_count; ++c) {
            std::string text = c < row.size() ? terminal_safe(row[c].text) : std::string();
            if (text.empty() && table.columns[c].kind == ColumnKind::number) {
                text = "-";
            }
            widths[c] = std::max(widths[c], display_width(text));
            safe.push_back(std::move(text));
        }
        safe_rows.push_back(std::move(safe));
    }
    auto print_row = [&](const std::vector<std::string>& texts, const std::vector<Cell>* cells) {
        std::string line;
        std::size_t pending_spaces = 0; // deferred so that no line ends in spaces
        for (std::size_t c = 0; c < column_count; ++c) {
            const std::string& text = texts[c];
            std::size_t padding = widths[c] - display_width(text);
            Tone tone = cells && c < cells->size() ? (*cells)[c].tone : Tone::plain;
            bool right = table.columns[c].kind == ColumnKind::number;
            if (c > 0) {
                pending_spaces += 2;
            }
            if (right) {
                pending_spaces += padding;
            }
            if (!text.empty()) {
                line += spaces(pending_spaces) + paint(text, tone, color);
                pending_spaces = 0;
            }
            if (!right) {
                pending_spaces += padding;
            }
        }
        out << line << '\n';
    };
    std::vector<std::string> headers;
    for (const Column& column : table.columns) {
        headers.push_back(column.header);
    }
    print_row(headers, nullptr);
    for (std::size_t r = 0; r < safe_rows.size(); ++r) {
        print_row(safe_rows[r], &table.rows[r]);
    }
}

std::string csv_field(const std::string& text, ColumnKind kind) {
    std::string field;
    append_csv_field(field, text, kind);
    return field;
}

void append_csv_field(std::string& line, std::string_view text, ColumnKind kind) {
    // A formula-like text cell gets a `'` first (inside the quotes when it is quoted).
    const bool neutralised = kind == ColumnKind::text && !text.empty() &&
                             std::string_view("=+-@\t\r").find(text.front()) != std::string::npos;
    // One pass of plain compares (find_first_of would search the set for every byte).
    const bool quoted = std::any_of(text.begin(), text.end(), [](char c) {
        return c == ',' || c == '"' || c == '\r' || c == '\n';
    });
    if (!quoted) {
        if (neutralised) {
            line += '\'';
        }
        line += text;
        return;
    }
    line += '"';
    if (neutralised) {
        line += '\'';
    }
    for (std::size_t start = 0;;) {
        std::size_t quote = text.find('"', start);
        if (quote == std::string_view::npos) {
            line.append(text, start);
            break;
        }
        line.append(text, start, quote + 1 - start);
        line += '"'; // a quote doubled
        start = quote + 1;
    }
    line += '"';
}

void render_csv(std::ostream& out, const Table& table) {
    auto print_line = [&](auto&& field_at) {
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            out << (c > 0 ? "," : "") << field_at(c);
        }
        out << '\n';
    };
    print_line([&](std::size_t c) { return csv_field(table.columns[c].key, ColumnKind::text); });
    for (const auto& row : table.rows) {
        print_line([&](std::size_t c) {
            return csv_field(c < row.size() ? row[c].text : std::string(), table.columns[c].kind);
        });
    }
}

void render_fields(std::ostream& out, const std::vector<Field>& fields, bool color) {
    render_fields_at(out, fields, color, 0);
}

} // namespace mbl::cli
