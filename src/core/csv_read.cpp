// read_csv: RFC 4180 (any delimiter) through libcsv (Debian's libcsv-dev, 3.0.x), with line
// numbers.
//
// Why libcsv: a small, long-lived C parser (in Debian since 2008) that handles quoted fields
// with commas, doubled quotes and line breaks, CRLF and LF, and in strict mode (CSV_STRICT)
// refuses a quote inside an unquoted field and text after a closing quote, and with
// CSV_STRICT_FINI a quoted field left open at the end. What it does not do, done here:
// - line numbers: libcsv reports fields and record ends, not positions. The text is fed one
//   physical line at a time, so a record starts on the line being fed when the parser sits
//   between records, and a strict-mode error is on the line being fed;
// - UTF-8: libcsv works on bytes; each line is checked before it is fed (a multi-byte sequence
//   cannot span a line break, which is ASCII);
// - encodings and the delimiter: the text is made UTF-8 first (text_encoding.cpp: UTF-16 by its
//   byte-order mark, single-byte code pages through iconv) and the delimiter detected from the
//   header line (csv_dialect.cpp), then given to libcsv (csv_set_delim);
// - its default trimming of spaces and tabs around unquoted fields, which RFC 4180 does not do:
//   turned off with csv_set_space_func (the importers trim cells themselves).
// CSV_APPEND_NULL and CSV_EMPTY_IS_NULL are not used: fields are copied with their length into
// std::string, and an empty field is just empty.
#include "csv_dialect.hpp"
#include "mbl/error.hpp"
#include "mbl/import.hpp"
#include "mbl/utf8.hpp"
#include "text_encoding.hpp"

#include <csv.h>
#include <fmt/format.h>
#include <memory>

namespace mbl {
namespace {

int no_space(unsigned char) {
    return 0;
}

// What the callbacks build: records and the line each starts on.
struct Collector {
    std::vector<CsvRecord> records;
    CsvRecord current;
    bool between_records = true;
    std::size_t line_being_fed = 0;
};

// A record that started after a lone CR (old Mac line ends) inside the line being fed got no line
// when the line was fed: it is on that line.
void note_line(Collector& collector) {
    if (collector.current.line == 0) {
        collector.current.line = collector.line_being_fed;
    }
}

void on_field(void* text, std::size_t size, void* data) {
    auto* collector = static_cast<Collector*>(data);
    note_line(*collector);
    collector->current.fields.emplace_back(static_cast<const char*>(text), size);
}

void on_record_end(int, void* data) {
    auto* collector = static_cast<Collector*>(data);
    note_line(*collector);
    collector->records.push_back(std::move(collector->current));
    collector->current = {};
    collector->between_records = true;
}

bool is_blank_line(std::string_view line) {
    return line.find_first_not_of("\r\n") == std::string_view::npos;
}

struct ParserDeleter {
    void operator()(csv_parser* parser) const {
        csv_free(parser);
        delete parser;
    }
};

[[noreturn]] void refuse(std::string_view label, std::size_t line, std::string_view reason) {
    throw input_error(fmt::format("{}:{}: {}", label, line, reason));
}

} // namespace

CsvTable read_csv(std::string_view text, std::string_view label, const CsvReadOptions& options) {
    std::string converted; // the text in UTF-8 when it came in another encoding
    import_detail::Utf8Text utf8 =
        import_detail::decode_to_utf8(text, options.encoding, converted, label);
    import_detail::DelimiterChoice delimiter =
        import_detail::choose_delimiter(utf8.text, options.delimiter, label, utf8.encoding);
    CsvDialect dialect;
    dialect.encoding = utf8.encoding;
    dialect.delimiter = delimiter.delimiter;
    dialect.delimiter_forced = delimiter.forced;
    dialect.decimal = options.decimal.value_or(delimiter.delimiter == ';' ? DecimalMark::comma
                                                                          : DecimalMark::point);
    dialect.decimal_forced = options.decimal.has_value();
    const std::string read_as = describe_dialect(dialect);
    text = utf8.text.substr(delimiter.skipped_bytes);

    std::unique_ptr<csv_parser, ParserDeleter> parser(new csv_parser{});
    if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) {
        throw input_error(fmt::format("{}: cannot start the CSV parser", label));
    }
    csv_set_space_func(parser.get(), no_space);
    csv_set_delim(parser.get(), static_cast<unsigned char>(dialect.delimiter));

    Collector collector;
    std::size_t line = delimiter.skipped_lines;
    std::size_t offset = 0;
    while (offset < text.size()) {
        std::size_t end = text.find('\n', offset);
        end = end == std::string_view::npos ? text.size() : end + 1;
        std::string_view chunk = text.substr(offset, end - offset);
        offset = end;
        ++line;
        if (!utf8.converted && !is_valid_utf8(chunk)) {
            refuse(label, line,
                   "not UTF-8 text (no byte-order mark, so read as UTF-8); if it was saved by "
                   "Excel as 'CSV (Comma delimited)', pass --encoding windows-1252 (or the file's "
                   "code page), or save it as 'CSV UTF-8 (Comma delimited)'");
        }
        if (collector.records.empty() && collector.between_records &&
            chunk.find('\0') != std::string_view::npos) {
            refuse(label, line,
                   "the header line holds NUL bytes: this looks like UTF-16 text without a "
                   "byte-order mark; save it again as 'Unicode Text' or 'CSV UTF-8'");
        }
        collector.line_being_fed = line;
        if (collector.between_records && !is_blank_line(chunk)) {
            collector.current.line = line;
            collector.between_records = false;
        }
        std::size_t parsed = csv_parse(parser.get(), chunk.data(), chunk.size(), on_field,
                                       on_record_end, &collector);
        if (parsed != chunk.size()) {
            if (csv_error(parser.get()) == CSV_EPARSE) {
                refuse(label, line,
                       fmt::format("malformed CSV at column {}: a quote inside an unquoted field, "
                                   "or text after a closing quote; quote the whole field and "
                                   "double the quotes inside it (\"say \"\"hi\"\"\"), or pass "
                                   "--delimiter if the fields are separated by another character "
                                   "(read as {})",
                                   parsed + 1, read_as));
            }
            refuse(label, line, csv_strerror(csv_error(parser.get())));
        }
    }
    std::size_t open_line = collector.current.line;
    if (csv_fini(parser.get(), on_field, on_record_end, &collector) != 0) {
        refuse(label, open_line,
               "a quoted field is not closed by the end of the file; add the closing quote");
    }
    if (collector.records.empty()) {
        throw input_error(fmt::format("{}: the file is empty; expected a header row and one row "
                                      "per server",
                                      label));
    }

    CsvTable table;
    table.dialect = std::move(dialect);
    table.header = std::move(collector.records.front().fields);
    table.header_line = collector.records.front().line;
    for (std::size_t column = 0; column < table.header.size(); ++column) {
        if (table.header[column].find_first_not_of(" \t") == std::string::npos) {
            refuse(label, collector.records.front().line,
                   fmt::format("column {} of the header is empty; every column needs a name "
                               "(read as {})",
                               column + 1, read_as));
        }
    }
    table.records.reserve(collector.records.size() - 1);
    for (std::size_t i = 1; i < collector.records.size(); ++i) {
        CsvRecord& record = collector.records[i];
        if (record.fields.size() > table.header.size()) {
            refuse(label, record.line,
                   fmt::format("{} fields, but the header has {} columns; quote fields that hold "
                               "{}, or pass --delimiter if it is not the delimiter (read as {})",
                               record.fields.size(), table.header.size(),
                               table.dialect.delimiter == '\t'
                                   ? std::string("tabs")
                                   : fmt::format("'{}'", table.dialect.delimiter),
                               read_as));
        }
        record.fields.resize(table.header.size());
        table.records.push_back(std::move(record));
    }
    return table;
}

} // namespace mbl
