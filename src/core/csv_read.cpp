// read_csv: RFC 4180 (any delimiter) through libcsv (Debian's libcsv-dev, 3.0.x), with line
// numbers.
//
// Why libcsv: a small, long-lived C parser (in Debian since 2008) that handles quoted fields
// with commas, doubled quotes and line breaks, CRLF and LF, and in strict mode (CSV_STRICT)
// refuses a quote inside an unquoted field and text after a closing quote, and with
// CSV_STRICT_FINI a quoted field left open at the end. What it does not do, done here:
// - reading a record at a time: libcsv pushes fields and record ends to callbacks; the reader
//   (open_csv) feeds it lines until a record is complete, so an import plans each row as it is
//   read and only the records of the lines being fed are held;
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
#include "mbl/load.hpp"
#include "mbl/utf8.hpp"
#include "text_encoding.hpp"

#include <algorithm>
#include <csv.h>
#include <fmt/format.h>
#include <memory>

namespace mbl {
namespace {

int no_space(unsigned char) {
    return 0;
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

// The reader behind open_csv: feeds libcsv a line at a time until records are complete, and
// hands them out in file order. Finished records wait in `ready_` (the records of one line: one,
// or several after lone CRs); their buffers are reused for later records.
class CsvReader final : public TableReader {
  public:
    // `releasable`, when given, holds `text`: given back as records are read past it.
    CsvReader(std::string_view text, std::string_view label, const CsvReadOptions& options,
              ReleasableText* releasable = nullptr)
        : label_(label), releasable_(releasable) {
        utf8_ = import_detail::decode_to_utf8(text, options.encoding, converted_, label);
        import_detail::DelimiterChoice delimiter =
            import_detail::choose_delimiter(utf8_.text, options.delimiter, label, utf8_.encoding);
        dialect_.encoding = utf8_.encoding;
        dialect_.delimiter = delimiter.delimiter;
        dialect_.delimiter_forced = delimiter.forced;
        dialect_.decimal = options.decimal.value_or(
            delimiter.delimiter == ';' ? DecimalMark::comma : DecimalMark::point);
        dialect_.decimal_forced = options.decimal.has_value();
        read_as_ = describe_dialect(dialect_);
        text_ = utf8_.text.substr(delimiter.skipped_bytes);
        first_line_ = delimiter.skipped_lines;
        start();
        CsvRecord header;
        if (!pull(header)) {
            throw input_error(fmt::format("{}: the file is empty; expected a header row and one "
                                          "row per server",
                                          label_));
        }
        for (std::size_t column = 0; column < header.fields.size(); ++column) {
            if (header.fields[column].find_first_not_of(" \t") == std::string::npos) {
                refuse(label_, header.line,
                       fmt::format("column {} of the header is empty; every column needs a name "
                                   "(read as {})",
                                   column + 1, read_as_));
            }
        }
        header_ = std::move(header.fields);
        header_line_ = header.line;
        expected_records_ = static_cast<std::size_t>(std::count(text_.begin(), text_.end(), '\n'));
        if (releasable_ != nullptr && utf8_.converted) {
            releasable_->release_before(text.data() + text.size()); // read from converted_
            releasable_ = nullptr;
        }
    }

    bool next(CsvRecord& record) override {
        if (!pull(record)) {
            return false;
        }
        if (record.fields.size() > header_.size()) {
            refuse(label_, record.line,
                   fmt::format("{} fields, but the header has {} columns; quote fields that hold "
                               "{}, or pass --delimiter if it is not the delimiter (read as {})",
                               record.fields.size(), header_.size(),
                               dialect_.delimiter == '\t' ? std::string("tabs")
                                                          : fmt::format("'{}'", dialect_.delimiter),
                               read_as_));
        }
        record.fields.resize(header_.size());
        return true;
    }

    void restart() override {
        if (releasable_ != nullptr && released_ > 0) {
            releasable_->restore_all();
            released_ = 0;
        }
        start();
        CsvRecord header;
        pull(header); // read again, as it was the first time
    }

    // The line breaks: one per record and the header's, less any a record's last line lacks.
    std::size_t expected_records() const override { return expected_records_; }

  private:
    // libcsv's callbacks.
    static void on_field(void* text, std::size_t size, void* data) {
        auto* reader = static_cast<CsvReader*>(data);
        CsvRecord& record = reader->current();
        reader->note_line(record);
        if (reader->field_count_ < record.fields.size()) {
            record.fields[reader->field_count_].assign(static_cast<const char*>(text), size);
        } else {
            record.fields.emplace_back(static_cast<const char*>(text), size);
        }
        ++reader->field_count_;
    }

    static void on_record_end(int, void* data) {
        auto* reader = static_cast<CsvReader*>(data);
        CsvRecord& record = reader->current();
        reader->note_line(record);
        record.fields.resize(reader->field_count_);
        reader->field_count_ = 0;
        ++reader->ready_count_;
        if (reader->ready_count_ < reader->ready_.size()) {
            reader->ready_[reader->ready_count_].line = 0; // the next record's slot, fresh
        }
        ++reader->records_seen_;
        reader->between_records_ = true;
    }

    // The record being filled: the slot after the ready ones.
    CsvRecord& current() {
        if (ready_count_ == ready_.size()) {
            ready_.emplace_back();
        }
        return ready_[ready_count_];
    }

    // A record that started after a lone CR (old Mac line ends) inside the line being fed got no
    // line when the line was fed: it is on that line.
    void note_line(CsvRecord& record) const {
        if (record.line == 0) {
            record.line = line_;
        }
    }

    void start() {
        parser_.reset(new csv_parser{});
        if (csv_init(parser_.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) {
            throw input_error(fmt::format("{}: cannot start the CSV parser", label_));
        }
        csv_set_space_func(parser_.get(), no_space);
        csv_set_delim(parser_.get(), static_cast<unsigned char>(dialect_.delimiter));
        offset_ = 0;
        line_ = first_line_;
        finished_ = false;
        between_records_ = true;
        ready_count_ = 0;
        ready_next_ = 0;
        field_count_ = 0;
        records_seen_ = 0;
        if (!ready_.empty()) {
            ready_.front().line = 0;
        }
    }

    // The next record of the file (the header included) into `record`; false at the end.
    bool pull(CsvRecord& record) {
        while (ready_next_ == ready_count_) {
            if (ready_count_ > 0) { // all handed out: the record being filled moves to the front
                if (ready_count_ < ready_.size()) {
                    std::swap(ready_.front(), ready_[ready_count_]);
                } else {
                    ready_.front().line = 0;
                }
                ready_count_ = 0;
                ready_next_ = 0;
            }
            if (finished_) {
                return false;
            }
            feed_line();
        }
        std::swap(record, ready_[ready_next_]); // its buffers come back for reuse
        ++ready_next_;
        return true;
    }

    // Feeds the next physical line to libcsv (or ends the parse at the end of the text).
    void feed_line() {
        if (offset_ >= text_.size()) {
            std::size_t open_line = current().line;
            if (csv_fini(parser_.get(), on_field, on_record_end, this) != 0) {
                refuse(label_, open_line,
                       "a quoted field is not closed by the end of the file; add the closing "
                       "quote");
            }
            finished_ = true;
            return;
        }
        std::size_t end = text_.find('\n', offset_);
        end = end == std::string_view::npos ? text_.size() : end + 1;
        std::string_view chunk = text_.substr(offset_, end - offset_);
        offset_ = end;
        ++line_;
        if (!utf8_.converted && !is_valid_utf8(chunk)) {
            refuse(label_, line_,
                   "not UTF-8 text (no byte-order mark, so read as UTF-8); if it was saved by "
                   "Excel as 'CSV (Comma delimited)', pass --encoding windows-1252 (or the file's "
                   "code page), or save it as 'CSV UTF-8 (Comma delimited)'");
        }
        if (records_seen_ == 0 && between_records_ && chunk.find('\0') != std::string_view::npos) {
            refuse(label_, line_,
                   "the header line holds NUL bytes: this looks like UTF-16 text without a "
                   "byte-order mark; save it again as 'Unicode Text' or 'CSV UTF-8'");
        }
        if (between_records_ && !is_blank_line(chunk)) {
            current().line = line_;
            between_records_ = false;
        }
        std::size_t parsed =
            csv_parse(parser_.get(), chunk.data(), chunk.size(), on_field, on_record_end, this);
        if (parsed != chunk.size()) {
            if (csv_error(parser_.get()) == CSV_EPARSE) {
                refuse(label_, line_,
                       fmt::format("malformed CSV at column {}: a quote inside an unquoted field, "
                                   "or text after a closing quote; quote the whole field and "
                                   "double the quotes inside it (\"say \"\"hi\"\"\"), or pass "
                                   "--delimiter if the fields are separated by another character "
                                   "(read as {})",
                                   parsed + 1, read_as_));
            }
            refuse(label_, line_, csv_strerror(csv_error(parser_.get())));
        }
        constexpr std::size_t release_step = std::size_t(1) << 20; // libcsv copied the fields
        if (releasable_ != nullptr && offset_ - released_ >= release_step) {
            releasable_->release_before(text_.data() + offset_);
            released_ = offset_;
        }
    }

    std::string label_;
    ReleasableText* releasable_ = nullptr; // holding text_ (not when converted_ does)
    std::size_t released_ = 0;             // the bytes of text_ before it were given back
    std::string converted_;                // the text in UTF-8 when it came in another encoding
    import_detail::Utf8Text utf8_;
    std::string read_as_;
    std::string_view text_; // after a `sep=` line
    std::size_t first_line_ = 0;
    std::unique_ptr<csv_parser, ParserDeleter> parser_;
    std::size_t offset_ = 0;
    std::size_t line_ = 0; // of the line last fed
    bool finished_ = false;
    bool between_records_ = true;
    std::vector<CsvRecord> ready_;
    std::size_t ready_count_ = 0; // records finished in `ready_`
    std::size_t ready_next_ = 0;  // the next one to hand out
    std::size_t field_count_ = 0; // fields of the record being filled
    std::size_t records_seen_ = 0;
    std::size_t expected_records_ = 0;
};

} // namespace

CsvTableReader::CsvTableReader(const CsvTable& table) : table_(table) {
    header_ = table.header;
    header_line_ = table.header_line;
    dialect_ = table.dialect;
}

bool CsvTableReader::next(CsvRecord& record) {
    if (next_ >= table_.records.size()) {
        return false;
    }
    const CsvRecord& from = table_.records[next_++];
    record.line = from.line;
    record.fields.resize(from.fields.size());
    std::copy(from.fields.begin(), from.fields.end(), record.fields.begin());
    return true;
}

CsvTable read_table(TableReader& reader) {
    CsvTable table;
    table.header = reader.header();
    table.header_line = reader.header_line();
    table.dialect = reader.dialect();
    CsvRecord record;
    while (reader.next(record)) {
        table.records.push_back(record);
    }
    return table;
}

std::unique_ptr<TableReader> open_csv(std::string_view text, std::string_view label,
                                      const CsvReadOptions& options) {
    return std::make_unique<CsvReader>(text, label, options);
}

std::unique_ptr<TableReader> open_csv(ReleasableText& text, std::string_view label,
                                      const CsvReadOptions& options) {
    return std::make_unique<CsvReader>(text.view(), label, options, &text);
}

CsvTable read_csv(std::string_view text, std::string_view label, const CsvReadOptions& options) {
    std::unique_ptr<TableReader> reader = open_csv(text, label, options);
    return read_table(*reader);
}

} // namespace mbl
