#pragma once
// The shapes every listing renders through: a table (aligned text, CSV) and a list of
// `key: value` fields (for `show`). Commands build these from the backlog; the functions here
// only print them.

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mbl::cli {

// How a cell is coloured when colour is on: only status words get a tone other than plain.
enum class Tone { plain, good, attention, bad };

// `text` wrapped in the ANSI colour of `tone` when `color` is true (plain text otherwise).
std::string paint(const std::string& text, Tone tone, bool color);

struct Cell {
    std::string text;
    Tone tone = Tone::plain;
};

enum class ColumnKind {
    text,     // left-aligned; in CSV, neutralised against formula injection
    number,   // right-aligned; empty shown as `-` in tables; never neutralised
    verbatim, // text written unchanged in CSV too: files for an importer, not a spreadsheet
};

struct Column {
    std::string header; // in tables: `ESTIMATE`
    std::string key;    // in CSV headers: the file's key, `estimate`
    ColumnKind kind = ColumnKind::text;
};

struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows; // each row has one cell per column
};

// A header row and one line per row; columns aligned by display width (terminal_safe applied to
// every cell first), two spaces apart, numbers right-aligned, no trailing spaces.
void render_table(std::ostream& out, const Table& table, bool color);

// RFC 4180 CSV with a header row of the columns' keys and `\n` line ends (what Unix tools and
// spreadsheets both read). Fields holding `,` `"` CR or LF are quoted with `"` doubled. Text
// cells that a spreadsheet would run as a formula (starting with `=` `+` `-` `@` tab or CR) are
// prefixed with `'` (verbatim cells are not). Cells are written as they are in the file, without
// terminal escaping.
void render_csv(std::ostream& out, const Table& table);

// One CSV field, quoted and (for text cells) neutralised as render_csv does.
std::string csv_field(const std::string& text, ColumnKind kind);

// csv_field(text, kind) appended to `line`, without a string of its own.
void append_csv_field(std::string& line, std::string_view text, ColumnKind kind);

// A `key: value` line of `show`. Children are printed under it, indented by two spaces and
// aligned among themselves; a child with an empty key prints its value alone (list items).
struct Field {
    Field() = default;
    Field(std::string key, std::string value, Tone tone = Tone::plain)
        : key(std::move(key)), value(std::move(value)), tone(tone) {}

    std::string key;
    std::string value;
    Tone tone = Tone::plain;
    std::vector<Field> children;
};

// The fields with their values aligned one column after the longest key; terminal_safe applied.
void render_fields(std::ostream& out, const std::vector<Field>& fields, bool color);

} // namespace mbl::cli
